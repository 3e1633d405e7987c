/* ML Terms search by meaning (README "Search"): all-MiniLM-L6-v2, a 6-layer BERT sentence encoder,
 * run in the search worker on int8 weights. The worker loads this file, and the model the build wrote
 * to search/meaning/ (scripts/mlterms/outputs/meaning.py), only when a reader types a question; the
 * build embedded each term's names, summary, related words and readers' questions with the same
 * weights and arithmetic, so a question's vector meets them in one space.
 *
 * Tokenising follows BERT's uncased WordPiece (meaning.py's basic_tokens and token_ids; a test runs
 * both and Hugging Face's tokenizer on every reader query). A question of a dozen tokens is about 130
 * million multiply-adds, nearly all in the dense layers: those run in WebAssembly with SIMD
 * (dense.wasm, from scripts/mlterms/outputs/meaning_dense.wat), about 27 ms of CPU a question against
 * 200 ms in plain JavaScript, which stays for a browser without it. */
"use strict";

(function () {
  const CLS = "[CLS]", SEP = "[SEP]", UNK = "[UNK]";
  let model = null;

  /* search/meaning/: the model (int8 rows, a scale per row, float vectors), the pages' vectors, and the
   * dense layers in WebAssembly (dense.wasm). Where the browser runs WebAssembly with SIMD, the model's
   * bytes go into that module's memory, and the tensors are views of it; elsewhere, of the fetched blob. */
  async function load(base) {
    const get = async (name, binary) => {
      const response = await fetch(new URL(`meaning/${name}`, base));
      if (!response.ok) throw new Error(`meaning/${name}: HTTP ${response.status}`);
      return binary ? response.arrayBuffer() : response.json();
    };
    const [index, blob, pagesIndex, pagesBlob, wasm] = await Promise.all([get("model.json"), get("model.bin", true),
      get("pages.json"), get("pages.bin", true), get("dense.wasm", true)]);
    const kernel = await denseKernel(wasm, index, blob);
    const bytes = kernel ? kernel.memory.buffer : blob;
    const tensors = new Map();
    for (const t of index.tensors) {
      const size = t.shape.reduce((a, b) => a * b, 1);
      tensors.set(t.name, t.values !== undefined ? { values: new Float32Array(bytes, t.values, size) }
        : { rows: new Int8Array(bytes, t.rows, size), scale: new Float32Array(bytes, t.scale, t.shape[0]), width: t.shape[1] });
    }
    const count = pagesIndex.pages.length, hidden = pagesIndex.hidden;
    model = { settings: index.settings, tensors, vocab: new Map(index.vocab.map((token, id) => [token, id])),
      pages: pagesIndex.pages, vectors: new Int8Array(pagesBlob, 0, count * hidden),
      vectorScale: new Float32Array(pagesBlob.slice(count * hidden)), hidden, kernel };
  }

  /* dense.wasm instantiated over a memory that holds the model's bytes and, after them, room for one
   * layer's input and output (maxTokens rows of the widest encoder layer); null where WebAssembly or
   * its SIMD is missing, or its memory cannot be had (then dense() runs in JavaScript, to the same result). */
  async function denseKernel(wasm, index, blob) {
    if (typeof WebAssembly !== "object" || !WebAssembly.validate(wasm)) return null;
    const widest = Math.max(...index.tensors.filter(t => t.name.startsWith("encoder.")).map(t => Math.max(...t.shape)));
    const scratch = index.settings.maxTokens * widest * 4;
    const input = Math.ceil(blob.byteLength / 16) * 16, output = input + scratch;
    try {
      const memory = new WebAssembly.Memory({ initial: Math.ceil((output + scratch) / 65536) });
      new Uint8Array(memory.buffer).set(new Uint8Array(blob));
      const { instance } = await WebAssembly.instantiate(wasm, { env: { memory } });
      return { memory, dense: instance.exports.dense, input, output };
    } catch (error) {
      console.warn(`search by meaning: its WebAssembly did not start (${error}); reading in JavaScript`);
      return null;
    }
  }

  const PUNCTUATION = /^[\p{P}!-\/:-@\[-`{-~]$/u;
  const CHINESE = c => (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
    || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
    || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);

  /* Lower case, accents dropped, control characters gone, split at spaces and around punctuation and
   * CJK characters (BERT's BasicTokenizer). */
  function basicTokens(text) {
    let cleaned = "";
    for (const ch of text) {
      const code = ch.codePointAt(0);
      if (code === 0 || code === 0xFFFD || (/\p{C}/u.test(ch) && !"\t\n\r".includes(ch))) continue;
      if (" \t\n\r".includes(ch) || /\p{Zs}/u.test(ch)) cleaned += " ";
      else if (CHINESE(code)) cleaned += ` ${ch} `;
      else cleaned += ch;
    }
    const folded = cleaned.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "");
    const tokens = [];
    for (const word of folded.split(/[ \t\n\r]+/).filter(Boolean)) {
      let current = "";
      for (const ch of word) {
        if (PUNCTUATION.test(ch)) { if (current) tokens.push(current); tokens.push(ch); current = ""; }
        else current += ch;
      }
      if (current) tokens.push(current);
    }
    return tokens;
  }

  /* [CLS] the WordPiece ids of the text [SEP], at most maxTokens in all. */
  function tokenIds(text, vocab = model.vocab, maxTokens = model.settings.maxTokens) {
    const ids = [vocab.get(CLS)];
    /* [MASK] and the other special tokens, typed as such, are those tokens (as Hugging Face's tokenizer reads them). */
    const words = text.split(/(\[(?:PAD|UNK|CLS|SEP|MASK)\])/).flatMap((part, n) => n % 2 ? [part] : basicTokens(part));
    for (const word of words) {
      if (/^\[(?:PAD|UNK|CLS|SEP|MASK)\]$/.test(word)) { ids.push(vocab.get(word)); continue; }
      const chars = [...word];
      if (chars.length > 100) { ids.push(vocab.get(UNK)); continue; }
      let pieces = [], start = 0;
      while (start < chars.length) {
        let end = chars.length, found;
        while (start < end) {
          const piece = (start ? "##" : "") + chars.slice(start, end).join("");
          if (vocab.has(piece)) { found = vocab.get(piece); break; }
          end--;
        }
        if (found === undefined) { pieces = [vocab.get(UNK)]; break; }
        pieces.push(found);
        start = end;
      }
      ids.push(...pieces);
    }
    return [...ids.slice(0, maxTokens - 1), vocab.get(SEP)];
  }

  /* x (n rows of `width`) times an int8 matrix's rows, plus its bias: n rows of the matrix's height.
   * In WebAssembly where it runs (a question's dense layers take a seventh of the time); else eight
   * tokens at a time, so each weight is read once for eight of them. */
  function dense(x, n, name, bias) {
    const { rows, scale, width } = model.tensors.get(name), height = scale.length;
    const b = model.tensors.get(bias).values, kernel = model.kernel;
    if (kernel) {
      new Float32Array(kernel.memory.buffer, kernel.input, n * width).set(x.subarray(0, n * width));
      kernel.dense(kernel.input, n, rows.byteOffset, scale.byteOffset, b.byteOffset, width, height, kernel.output);
      return new Float32Array(kernel.memory.buffer, kernel.output, n * height).slice();
    }
    const out = new Float32Array(n * height);
    for (let r = 0; r < height; r++) {
      const offset = r * width, s = scale[r];
      let t = 0;
      for (; t + 8 <= n; t += 8) {
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        const a0 = t * width, a1 = a0 + width, a2 = a1 + width, a3 = a2 + width, a4 = a3 + width, a5 = a4 + width,
          a6 = a5 + width, a7 = a6 + width;
        for (let c = 0; c < width; c++) {
          const w = rows[offset + c];
          s0 += w * x[a0 + c]; s1 += w * x[a1 + c]; s2 += w * x[a2 + c]; s3 += w * x[a3 + c];
          s4 += w * x[a4 + c]; s5 += w * x[a5 + c]; s6 += w * x[a6 + c]; s7 += w * x[a7 + c];
        }
        const sums = [s0, s1, s2, s3, s4, s5, s6, s7];
        for (let k = 0; k < 8; k++) out[(t + k) * height + r] = sums[k] * s + b[r];
      }
      for (; t < n; t++) {
        let sum = 0;
        const a = t * width;
        for (let c = 0; c < width; c++) sum += rows[offset + c] * x[a + c];
        out[t * height + r] = sum * s + b[r];
      }
    }
    return out;
  }

  function layerNorm(x, n, width, weight, bias) {
    const w = model.tensors.get(weight).values, b = model.tensors.get(bias).values;
    for (let t = 0; t < n; t++) {
      let mean = 0, variance = 0;
      for (let c = 0; c < width; c++) mean += x[t * width + c];
      mean /= width;
      for (let c = 0; c < width; c++) { const d = x[t * width + c] - mean; variance += d * d; }
      const inv = 1 / Math.sqrt(variance / width + 1e-12);
      for (let c = 0; c < width; c++) x[t * width + c] = (x[t * width + c] - mean) * inv * w[c] + b[c];
    }
    return x;
  }

  /* Abramowitz and Stegun 7.1.26, as meaning.py's _erf. */
  function erf(x) {
    const sign = Math.sign(x), a = Math.abs(x), t = 1 / (1 + 0.3275911 * a);
    return sign * (1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a));
  }

  /* The text's unit vector: BERT, the mean of its tokens' last states, unit length. */
  function embed(text) {
    const { layers, heads, hidden } = model.settings, size = hidden / heads;
    const ids = tokenIds(text), n = ids.length;
    const word = model.tensors.get("embeddings.word_embeddings.weight"), position = model.tensors.get("embeddings.position_embeddings.weight");
    const type = model.tensors.get("embeddings.token_type_embeddings.weight");
    let x = new Float32Array(n * hidden);
    for (let t = 0; t < n; t++)
      for (let c = 0; c < hidden; c++)
        x[t * hidden + c] = word.rows[ids[t] * hidden + c] * word.scale[ids[t]] + position.rows[t * hidden + c] * position.scale[t]
          + type.rows[c] * type.scale[0];
    x = layerNorm(x, n, hidden, "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias");
    const scores = new Float32Array(n);
    for (let l = 0; l < layers; l++) {
      const p = `encoder.layer.${l}.`;
      const part = name => dense(x, n, `${p}attention.self.${name}.weight`, `${p}attention.self.${name}.bias`);
      const q = part("query"), k = part("key"), v = part("value"), context = new Float32Array(n * hidden);
      for (let h = 0; h < heads; h++)
        for (let i = 0; i < n; i++) {
          let top = -Infinity;
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let c = 0; c < size; c++) s += q[i * hidden + h * size + c] * k[j * hidden + h * size + c];
            scores[j] = s / Math.sqrt(size);
            top = Math.max(top, scores[j]);
          }
          let total = 0;
          for (let j = 0; j < n; j++) { scores[j] = Math.exp(scores[j] - top); total += scores[j]; }
          for (let j = 0; j < n; j++) {
            const weight = scores[j] / total;
            for (let c = 0; c < size; c++) context[i * hidden + h * size + c] += weight * v[j * hidden + h * size + c];
          }
        }
      const attended = dense(context, n, `${p}attention.output.dense.weight`, `${p}attention.output.dense.bias`);
      for (let i = 0; i < x.length; i++) attended[i] += x[i];
      x = layerNorm(attended, n, hidden, `${p}attention.output.LayerNorm.weight`, `${p}attention.output.LayerNorm.bias`);
      const inner = dense(x, n, `${p}intermediate.dense.weight`, `${p}intermediate.dense.bias`);
      for (let i = 0; i < inner.length; i++) inner[i] = 0.5 * inner[i] * (1 + erf(inner[i] / Math.SQRT2));
      const out = dense(inner, n, `${p}output.dense.weight`, `${p}output.dense.bias`);
      for (let i = 0; i < x.length; i++) out[i] += x[i];
      x = layerNorm(out, n, hidden, `${p}output.LayerNorm.weight`, `${p}output.LayerNorm.bias`);
    }
    const pooled = new Float32Array(hidden);
    for (let t = 0; t < n; t++) for (let c = 0; c < hidden; c++) pooled[c] += x[t * hidden + c] / n;
    const norm = Math.hypot(...pooled);
    return pooled.map(value => value / norm);
  }

  /* page -> the best cosine of the query's vector with the page's texts. */
  function pageScores(vector) {
    const { pages, vectors, vectorScale, hidden } = model, best = new Map();
    for (let i = 0; i < pages.length; i++) {
      let s = 0;
      for (let c = 0; c < hidden; c++) s += vectors[i * hidden + c] * vector[c];
      s *= vectorScale[i];
      if (!(best.get(pages[i]) >= s)) best.set(pages[i], s);
    }
    return best;
  }

  self.MLTermsMeaning = { load, loaded: () => model !== null, kernel: () => (model && model.kernel ? "wasm" : "js"),
    basicTokens, tokenIds, embed, pageScores };
})();

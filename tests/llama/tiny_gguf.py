"""Write a tiny llama-architecture GGUF model (2 layers, n_embd 64) around a real
tokenizer vocab from llama.cpp's ``models/ggml-vocab-*.gguf`` (here Qwen2's:
byte-level BPE, 151936 tokens, ChatML special tokens and Qwen's chat template).

Adapted from the team's shared reference script ``make_tiny_gguf.py`` (the notes on
running llama-server on the study's Debian machines, 2026-12); turned into a function
the test build calls. Needs the PyPI ``gguf`` package (pinned in the test extra) and numpy.

Weights are deterministic (seeded). The final norm weight is put (almost) on one
residual dimension that every token embedding sets to 1, so the next-token
distribution is (almost) a fixed unigram: ~100 common English word pieces, '.', ',',
'"', '{', '}', ']' and the end token are likely, everything else is ~e^-20. That
keeps free text short and lets grammar-constrained JSON close instead of running to
the context limit. The transformer layers are random and small: they run but barely
matter. The replies are gibberish; the server around them is real.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from gguf import GGUFReader, GGUFWriter

N_CTX = 4096  # the model's trained context; servers are started with -c up to this

WORDS = (
    "the music song songs you I like love night rain mood light quiet dance warm blue summer city road "
    "dream heart slow soft bright calm jazz piano guitar voice beat rhythm melody album track listen feel "
    "today morning evening coffee walk sky sea window home friend memory old new good little story river "
    "moon sun star time day year world play sing sound fire wind snow spring winter gentle happy sad "
    "lonely together away again always maybe here there with for and of a to in on my your this that is "
    "are was be so very just more some all"
).split()


def write_tiny_gguf(vocab_path: str | Path, out_path: str | Path) -> None:
    r = GGUFReader(str(vocab_path))
    fields = r.fields

    def strings(key: str) -> list[str]:
        return [bytes(fields[key].parts[i]).decode("utf-8") for i in fields[key].data]

    def scalar(key: str, default=None):  # noqa: ANN001, ANN202
        return fields[key].contents() if key in fields else default

    tok_model = scalar("tokenizer.ggml.model")
    tokens = strings("tokenizer.ggml.tokens")
    scores = ([float(fields["tokenizer.ggml.scores"].parts[i][0]) for i in fields["tokenizer.ggml.scores"].data]
              if "tokenizer.ggml.scores" in fields else None)
    ttypes = [int(fields["tokenizer.ggml.token_type"].parts[i][0]) for i in fields["tokenizer.ggml.token_type"].data]
    merges = strings("tokenizer.ggml.merges") if "tokenizer.ggml.merges" in fields else None
    n_vocab = len(tokens)
    space = "\u2581" if tok_model == "llama" else "\u0120"  # SPM '▁' / byte-level BPE 'Ġ'

    n_embd, n_ff, n_head, n_head_kv, n_layer = 64, 128, 4, 4, 2
    head_dim = n_embd // n_head
    rng = np.random.default_rng(1234)

    index = {t: i for i, t in enumerate(tokens)}
    logit = np.full(n_vocab, -20.0, dtype=np.float32)
    for word in WORDS:
        if space + word in index:
            logit[index[space + word]] = 0.0
    for t, v in {".": 0.0, ",": 0.0, "}": 0.0, "]": 0.0, "{": 0.5, '"': 1.0}.items():
        logit[index[t]] = v
    eos_id = int(scalar("tokenizer.ggml.eos_token_id"))
    end_id = index.get("<|im_end|>", eos_id)  # ChatML models stop on <|im_end|>
    logit[end_id] = 0.0

    def w(*shape: int, std: float = 0.02) -> np.ndarray:
        return (rng.standard_normal(shape) * std).astype(np.float32)

    emb = w(n_vocab, n_embd)
    emb[:, 0] = 1.0
    out = rng.standard_normal((n_vocab, n_embd)).astype(np.float32)
    out[:, 0] = logit
    out_norm = np.zeros(n_embd, dtype=np.float32)
    out_norm[0] = 1.0 / 8.0  # rmsnorm puts ~8 on dim 0 -> logit ~= out[:, 0]
    out_norm[1:] = 0.02  # a little token-dependent noise (~0.05 logits)

    gw = GGUFWriter(str(out_path), "llama")
    gw.add_name("diaryrec-tiny-random")
    gw.add_context_length(N_CTX)
    gw.add_embedding_length(n_embd)
    gw.add_feed_forward_length(n_ff)
    gw.add_block_count(n_layer)
    gw.add_head_count(n_head)
    gw.add_head_count_kv(n_head_kv)
    gw.add_rope_dimension_count(head_dim)
    gw.add_layer_norm_rms_eps(1e-5)
    gw.add_file_type(1)  # mostly F16 (the two vocab-sized matrices)
    gw.add_vocab_size(n_vocab)
    gw.add_tokenizer_model(tok_model)
    gw.add_tokenizer_pre(scalar("tokenizer.ggml.pre", "default"))
    gw.add_token_list(tokens)
    if scores is not None:
        gw.add_token_scores(scores)
    gw.add_token_types(ttypes)
    if merges is not None:
        gw.add_token_merges(merges)
    for key, add in (("tokenizer.ggml.bos_token_id", gw.add_bos_token_id),
                     ("tokenizer.ggml.eos_token_id", gw.add_eos_token_id),
                     ("tokenizer.ggml.unknown_token_id", gw.add_unk_token_id),
                     ("tokenizer.ggml.padding_token_id", gw.add_pad_token_id)):
        if key in fields:
            add(int(scalar(key)))
    if "tokenizer.ggml.add_bos_token" in fields:
        gw.add_add_bos_token(bool(scalar("tokenizer.ggml.add_bos_token")))
    template = scalar("tokenizer.chat_template")
    if template is None:  # llama-spm ships none: a Llama-2 style one
        template = ("{{ bos_token }}{% for m in messages %}{% if m['role'] == 'system' %}<<SYS>>\n{{ m['content'] }}\n<</SYS>>\n\n"
                    "{% elif m['role'] == 'user' %}[INST] {{ m['content'] }} [/INST]{% else %}{{ m['content'] }}{{ eos_token }}{% endif %}{% endfor %}")
    gw.add_chat_template(template)

    gw.add_tensor("token_embd.weight", emb.astype(np.float16))
    for i in range(n_layer):
        gw.add_tensor(f"blk.{i}.attn_norm.weight", np.ones(n_embd, dtype=np.float32))
        gw.add_tensor(f"blk.{i}.attn_q.weight", w(n_embd, n_embd, std=0.2))
        gw.add_tensor(f"blk.{i}.attn_k.weight", w(n_head_kv * head_dim, n_embd, std=0.2))
        gw.add_tensor(f"blk.{i}.attn_v.weight", w(n_head_kv * head_dim, n_embd, std=0.2))
        gw.add_tensor(f"blk.{i}.attn_output.weight", w(n_embd, n_embd, std=0.001))
        gw.add_tensor(f"blk.{i}.ffn_norm.weight", np.ones(n_embd, dtype=np.float32))
        gw.add_tensor(f"blk.{i}.ffn_gate.weight", w(n_ff, n_embd, std=0.2))
        gw.add_tensor(f"blk.{i}.ffn_up.weight", w(n_ff, n_embd, std=0.2))
        gw.add_tensor(f"blk.{i}.ffn_down.weight", w(n_embd, n_ff, std=0.001))
    gw.add_tensor("output_norm.weight", out_norm)
    gw.add_tensor("output.weight", out.astype(np.float16))
    gw.write_header_to_file()
    gw.write_kv_data_to_file()
    gw.write_tensors_to_file()
    gw.close()


if __name__ == "__main__":
    write_tiny_gguf(sys.argv[1], sys.argv[2])

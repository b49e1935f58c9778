#!/usr/bin/env python3
"""Xapian side of `newsqa bench`: BM25 (k1=1.0, b=0.5) with the Arabic Snowball stemmer over a JSONL corpus.

Usage: xapian_bench.py CORPUS.jsonl QUESTIONS.jsonl DB_FOLDER OUT.json
Writes build time, index size, peak RSS, single-thread latency percentiles, queries/s, R@1 and MRR@10.
"""
import json, os, shutil, sys, time

import xapian


def percentile(values, p):
    s = sorted(values)
    pos = (len(s) - 1) * p / 100
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def peak_rss_bytes():
    # VmHWM belongs to this process image; getrusage's ru_maxrss would report the .NET parent's high-water mark,
    # which a child inherits across fork and exec.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def main(corpus_path, questions_path, db_path, out_path):
    passages = [json.loads(line) for line in open(corpus_path, encoding="utf-8")]
    questions = [json.loads(line) for line in open(questions_path, encoding="utf-8")]
    shutil.rmtree(db_path, ignore_errors=True)
    stemmer = xapian.Stem("arabic")

    started = time.perf_counter()
    db = xapian.WritableDatabase(db_path, xapian.DB_CREATE_OR_OVERWRITE)
    indexer = xapian.TermGenerator()
    indexer.set_stemmer(stemmer)
    indexer.set_stemming_strategy(xapian.TermGenerator.STEM_ALL)
    for i, text in enumerate(passages):
        doc = xapian.Document()
        indexer.set_document(doc)
        indexer.index_text(text)
        doc.set_data(str(i))
        db.add_document(doc)
    db.commit()
    build = time.perf_counter() - started
    size = sum(os.path.getsize(os.path.join(db_path, f)) for f in os.listdir(db_path))

    enquire = xapian.Enquire(db)
    enquire.set_weighting_scheme(xapian.BM25Weight(1.0, 0.0, 1.0, 0.5, 0.5))
    parser = xapian.QueryParser()
    parser.set_stemmer(stemmer)
    parser.set_stemming_strategy(xapian.QueryParser.STEM_ALL)
    parser.set_default_op(xapian.Query.OP_OR)
    parser.set_database(db)

    latencies, hits1, reciprocal = [], 0, 0.0
    for q in questions:  # one untimed warm-up pass, as NewsQA's run makes
        enquire.set_query(parser.parse_query(q["q"]))
        enquire.get_mset(0, 10)
    run_started = time.perf_counter()
    for q in questions:
        t = time.perf_counter()
        enquire.set_query(parser.parse_query(q["q"]))
        mset = enquire.get_mset(0, 10)
        latencies.append((time.perf_counter() - t) * 1000)
        ranks = [int(m.document.get_data().decode()) for m in mset]
        if q["gold"] in ranks:
            rank = ranks.index(q["gold"]) + 1
            hits1 += rank == 1
            reciprocal += 1 / rank
    elapsed = time.perf_counter() - run_started
    n = len(questions)
    json.dump({
        "passages": len(passages), "build_seconds": build, "index_bytes": size,
        "peak_rss_bytes": peak_rss_bytes(),
        "p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95), "p99_ms": percentile(latencies, 99),
        "qps": n / elapsed, "recall_at_1": hits1 / n, "mrr_at_10": reciprocal / n,
    }, open(out_path, "w"))
    shutil.rmtree(db_path, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])

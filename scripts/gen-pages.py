#!/usr/bin/env python3
"""Writes N distinct generated Korean article pages (canonical URL, date, six paragraphs, a byline)
into a folder, for the writer benchmark and the cluster run: python3 scripts/gen-pages.py DIR N"""
import os, sys, random
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
random.seed(7)
people = ["김정은", "블라디미르 푸틴", "최선희", "세르게이 라브로프", "윤석열", "박진"]
places = ["평양", "모스크바", "블라디보스토크", "서울", "하바롭스크"]
for i in range(n):
    p, q, c = random.choice(people), random.choice(people), random.choice(places)
    paras = "".join(f"<p>{p}은 {i % 28 + 1}일 {c}에서 {q}와 회담을 열고 양국 협력 방안을 논의했다고 조선중앙통신이 보도했다. 이번 회담은 {k}번째 문단에서 다뤄진다.</p>" for k in range(6))
    html = (f"<html><head><title>{p}·{q} {c} 회담 {i}</title><link rel=canonical href=\"https://news.example/{i}\">"
            f"<meta property=\"og:type\" content=\"article\"><meta property=\"article:published_time\" content=\"2025-08-{i % 28 + 1:02d}T08:00:00+09:00\"></head>"
            f"<body><article><h1>{p}·{q} {c} 회담 {i}</h1>{paras}<p>홍길동 기자 hong@news.example</p></article></body></html>")
    open(f"{out}/p{i:05d}.html", "w").write(html)

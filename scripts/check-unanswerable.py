#!/usr/bin/env python3
"""Prints, for each question of a near-topic unanswerable set (and of a training file's unanswerable rows), every place in the seed articles where the words an
answer would have to use occur, so that a reader can confirm the articles do not answer it.

Usage: python3 scripts/check-unanswerable.py [tests/NewsQA.Core.Tests/Data/near-topic-unanswerable.tsv] [seeds]
The articles and the search words are normalized as NewsQA normalizes Arabic (alef and hamza forms, ta marbuta,
alef maqsura, diacritics and tatweel), so one spelling finds the others. A training file's answerable rows are
checked the other way: their answer must occur in the article they name."""
import glob, os, re, sys

def normalize(text):
    text = re.sub('[\u064B-\u065F\u0670\u0640]', '', text)
    return text.translate(str.maketrans('أإآٱىة', 'اااايه'))

def main():
    questions = sys.argv[1] if len(sys.argv) > 1 else 'tests/NewsQA.Core.Tests/Data/near-topic-unanswerable.tsv'
    folder = sys.argv[2] if len(sys.argv) > 2 else 'seeds'
    articles = {os.path.basename(p)[:3]: normalize(open(p, encoding='utf-8').read()) for p in sorted(glob.glob(os.path.join(folder, '*')))}
    for line in open(questions, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        fields = line.rstrip('\n').split('\t')
        if len(fields) == 4:  # a training file: question, document, answer, searched
            question, document, answer, searched = fields
            if document != '-':
                found = normalize(answer) in articles.get(document[:3], '')
                print(f'\n{question}\n  answer {"found" if found else "NOT FOUND"} in {document}: {answer}')
                continue
            finding = '-'
        else:
            question, searched, finding = fields
        print(f'\n{question}\n  searched: {searched}\n  recorded: {finding}')
        for term in searched.split('|'):
            term = normalize(term)
            for name, text in articles.items():
                for match in re.finditer(re.escape(term), text):
                    start, end = max(0, match.start() - 50), min(len(text), match.end() + 50)
                    context = text[start:end].replace('\n', ' ')
                    print(f'    {term} @ {name}: …{context}…')

if __name__ == '__main__':
    main()

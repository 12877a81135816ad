#!/usr/bin/env python3
"""pdf-font-sizes.py FILE.pdf — the sizes text is printed at in a PDF.

Prints one line per size, smallest first: the size in points as printed
(the font size of the Tf operator times the scale of the text matrix and of
the transformation matrices around it) and how many text runs use it. Only
page contents and form XObjects are read, not the glyph programs of fonts.
Uncompressed or Flate-compressed streams, as Chromium and LibreOffice write
them; standard library only.
"""
import collections
import re
import sys
import zlib

NUMBER = re.compile(rb'^[-+]?(\d+\.?\d*|\.\d+)$')
TOKEN = re.compile(rb'\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|[-+]?(?:\d+\.?\d*|\.\d+)|/[^\s/\[\]()<>{}%]+|[A-Za-z\'"*]+')


def objects(data):
    for m in re.finditer(rb'(\d+)\s+0\s+obj\b', data):
        end = data.find(b'endobj', m.end())
        yield int(m.group(1)), data[m.end():end]


def stream(body):
    m = re.search(rb'stream\r?\n', body)
    if not m:
        return None
    raw = body[m.end():body.rfind(b'endstream')]
    if b'/FlateDecode' in body[:m.start()]:
        try:
            return zlib.decompress(raw)
        except zlib.error:
            return None
    return raw


def text_sizes(content, sizes):
    stack, ctm, saved, tm, tf = [], 1.0, [], 1.0, None
    for tok in TOKEN.findall(content):
        if NUMBER.match(tok):
            stack.append(float(tok))
            continue
        if tok[:1] in (b'/', b'(', b'<', b'[', b']'):
            stack.append(tok)
            continue
        nums = [x for x in stack if isinstance(x, float)]
        if tok == b'q':
            saved.append(ctm)
        elif tok == b'Q':
            ctm = saved.pop() if saved else 1.0
        elif tok == b'cm' and len(nums) >= 6:
            a, b, c, d = nums[-6:-2]
            ctm *= abs(a * d - b * c) ** 0.5
        elif tok == b'BT':
            tm = 1.0
        elif tok == b'Tm' and len(nums) >= 6:
            a, b, c, d = nums[-6:-2]
            tm = abs(a * d - b * c) ** 0.5
        elif tok == b'Tf' and nums:
            tf = nums[-1]
        elif tok in (b'Tj', b'TJ', b"'", b'"') and tf:
            sizes[round(tf * tm * ctm, 2)] += 1
        stack = []


def main():
    data = open(sys.argv[1], 'rb').read()
    objs = dict(objects(data))
    wanted = set()
    for body in objs.values():
        head = body.split(b'stream', 1)[0]
        if re.search(rb'/Type\s*/Page\b', head):
            m = re.search(rb'/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)', head)
            if m:
                wanted.update(int(n) for n in re.findall(rb'(\d+)\s+0\s+R', m.group(1)))
        elif re.search(rb'/Subtype\s*/Form\b', head):
            wanted.add(None)
    sizes = collections.Counter()
    for num, body in objs.items():
        head = body.split(b'stream', 1)[0]
        if num in wanted or re.search(rb'/Subtype\s*/Form\b', head):
            content = stream(body)
            if content:
                text_sizes(content, sizes)
    for size, n in sorted(sizes.items()):
        print(f"{size:g} pt\t{n} text runs")


if __name__ == '__main__':
    main()

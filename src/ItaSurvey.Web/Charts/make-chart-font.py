#!/usr/bin/python3
"""Builds the chart font "ItaSurvey Sans": Noto Sans (Latin, digits) and Noto Sans Thai merged
into one face, because ScottPlot draws each label with a single typeface and our labels mix
Thai with digits ("เกณฑ์ 85"). Subset to what charts write, so the web copy is small.
Both sources are SIL OFL 1.1 without reserved names (Fonts/OFL.txt); the result is too.

Run from the repository root (Debian: apt-get install python3-fonttools python3-brotli):
    /usr/bin/python3 src/ItaSurvey.Web/Charts/make-chart-font.py
"""
import os
import tempfile

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

FONTS = "src/ItaSurvey.Web/Fonts"
WEB = "src/ItaSurvey.Web/wwwroot/fonts"
FAMILY = "ItaSurvey Sans"
LATIN = "U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030,U+2212,U+25CC"
THAI = "U+0E01-0E5B,U+200B-200D,U+25CC"


def subset_to(source, unicodes, target):
    options = subset.Options()
    options.layout_features = ["*"]  # keep the mark positioning that stacks Thai vowels and tones
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    subset.save_font(font, target, options)


def build(style):
    with tempfile.TemporaryDirectory() as work:
        latin, thai = os.path.join(work, "latin.ttf"), os.path.join(work, "thai.ttf")
        subset_to(f"{FONTS}/NotoSans-{style}.ttf", LATIN, latin)
        subset_to(f"{FONTS}/NotoSansThai-{style}.ttf", THAI, thai)
        font = Merger().merge([latin, thai])  # Latin first: its digits and punctuation win
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 2, 3, 4, 6, 16, 17, 21, 22):
            names.removeNames(nameID=record.nameID)
    postscript = FAMILY.replace(" ", "") + "-" + style
    for name_id, value in {1: FAMILY, 2: style, 3: postscript, 4: f"{FAMILY} {style}", 6: postscript}.items():
        names.setName(value, name_id, 3, 1, 0x409)
    font["OS/2"].usWeightClass = 700 if style == "Bold" else 400
    file = "ItaSurveySans-" + style
    font.save(f"{FONTS}/{file}.ttf")
    font.flavor = "woff2"
    font.save(f"{WEB}/{file.lower()}.woff2")


for style in ("Regular", "Bold"):
    build(style)

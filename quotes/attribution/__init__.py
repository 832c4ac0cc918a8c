"""Attribution's language-independent core: candidates with features, and a fitted choice.

`candidates.py` gathers who might have said a quote and the evidence for each; `ranker.py`
weighs the evidence with weights fitted by `fit.py` (stored in `weights/`); `cjk.py` reads
Chinese, Japanese and Korean sentences with their morphological analysers (`ja.py`,
`zh.py`, `ko.py`). The rules propose candidates: `rules.py` for languages written with
spaces, `verb_second.py` for German clause order, `rules_cjk.py` for quotative particles;
`context.py` is what every rule reads and returns.
"""

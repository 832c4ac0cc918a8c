"""Attribution's language-independent core: candidates with features, and a fitted choice.

`candidates.py` gathers who might have said a quote and the evidence for each; `ranker.py`
weighs the evidence with weights fitted by `fit.py` (stored in `weights/`); `cjk.py` reads
Chinese, Japanese and Korean sentences with their morphological analysers (`ja.py`,
`zh.py`, `ko.py`). The rules for languages written with spaces stay in `quotes/rules.py`
and `quotes/verb_second.py`; they propose candidates here.
"""

"""`make bench`: each ``bench_*.py`` module here has ``run()`` returning printable lines.

Figures are ratios against a plain-Wagtail baseline measured in the same run, because the
machine is shared and noisy; absolute times are printed for reference only.
"""

"""Shared passages (text reuse): beside the history, the second stage. Takes in the ``Archive``'s
texts and gives out the ``SharedText``: which programmes share passages, each one's share of its
text shared with each, and where every passage stands in both texts.
"""

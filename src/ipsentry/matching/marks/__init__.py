"""Word-mark matching: similarity of signs, likelihood of confusion, register search, look-alikes.

Pure engines: no database, no network. Two layers are kept apart as the law keeps them
apart: `similarity` compares the signs (sight, sound, meaning); `confusion` weighs that
with the goods, the strength of the shared part and the fame of the earlier mark.
"""

"""etok_hash(), enrich_text.c's word hash (FNV-1a, then the SplitMix64
finaliser), for the generators of hashed tables (gen_words.py,
gen_stop.py): the C side finds their entries by the hash the tokeniser
computed, so both must hash alike."""

M64 = (1 << 64) - 1


def etok_hash(s):
    h = 0xcbf29ce484222325
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & M64
    z = h
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M64
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M64
    return z ^ (z >> 31)

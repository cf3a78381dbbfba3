"""etok_hash(), enrich_text.c's word hash (FNV-1a, then the SplitMix64
finaliser), for the generators of hashed tables (gen_words.py,
gen_stop.py): the C side finds their entries by the hash the tokeniser
computed, so both must hash alike. write_slots() writes the
open-addressing tables of gen_places.py and gen_names.py."""

M64 = (1 << 64) - 1


def etok_hash(s):
    h = 0xcbf29ce484222325
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & M64
    z = h
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M64
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M64
    return z ^ (z >> 31)


def write_slots(f, keys, define, name):
    """Writes an open-addressing table over keys (strings) by their
    etok_hash(): its low bits, then the next slots in turn. A slot holds
    the key's index in keys plus one, 0 is empty; there are twice as
    many slots as keys or more (a power of two, in the #define)."""
    size = 16
    while size < 2 * len(keys):
        size *= 2
    assert len(keys) < 65535, "%s holds 16-bit indexes" % name
    slots = [0] * size
    for i, k in enumerate(keys):
        j = etok_hash(k) & (size - 1)
        while slots[j]:
            j = (j + 1) & (size - 1)
        slots[j] = i + 1
    f.write("#define %s %d\n" % (define, size))
    f.write("static const uint16_t %s[%s] = {\n" % (name, define))
    for i in range(0, size, 12):
        f.write("\t" + ", ".join(str(v) for v in slots[i:i + 12]) +
                ",\n")
    f.write("};\n")

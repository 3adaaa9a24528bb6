# Prüfsummen und XOR-Verschlüsselung über Bytelisten, nur mit ganzzahliger
# Arithmetik (Bitoperatoren gibt es in der Sprache noch nicht): XOR Bit für
# Bit mit // und %, Adler-32 wie zlib.adler32.

def einfacher_hash(daten: liste[ganz]) -> ganz:
    # h = (h * 31 + b) mod 2**32 ab 0, wie CryptoOperations.simple_hash.
    h = 0
    für b in daten:
        h = (h * 31 + b) % 4294967296
    rückgabe h

def xor_byte(a: ganz, b: ganz) -> ganz:
    # Die unteren 8 Bits von a XOR b (für negative Zahlen im Zweierkomplement).
    ergebnis = 0
    stelle = 1
    für i in bereich(8):
        wenn (a // stelle) % 2 != (b // stelle) % 2:
            ergebnis += stelle
        stelle *= 2
    rückgabe ergebnis

def xor_strom(daten: liste[ganz], schluessel: liste[ganz]) -> liste[ganz]:
    # Jedes Byte XOR das Byte des sich wiederholenden Schlüssels.
    behaupten laenge(schluessel) > 0, "der Schlüssel darf nicht leer sein"
    ergebnis = []
    n = laenge(schluessel)
    für i in bereich(laenge(daten)):
        ergebnis.append((daten[i] ^ schluessel[i % n]) & 0xff)
    rückgabe ergebnis

def adler32(daten: liste[ganz]) -> ganz:
    a = 1
    b = 0
    für x in daten:
        a = (a + x) % 65521
        b = (b + a) % 65521
    rückgabe b * 65536 + a

def pruefsumme_muster(n: ganz) -> ganz:
    # Benchmark: Adler-32 der n Bytes 0, 1, ..., 255, 0, 1, ...
    daten = []
    für i in bereich(n):
        daten.append(i % 256)
    rückgabe adler32(daten)


# SHA-256 (FIPS 180-4) über Bytes, mit den Bitoperatoren der Sprache.
# Die Konstanten sind die ersten 32 Bits der Nachkommastellen der Kubik-
# bzw. Quadratwurzeln der ersten Primzahlen, wie der Standard sie festlegt.

def rotr32(x: ganz, n: ganz) -> ganz:
    rückgabe ((x >> n) | (x << (32 - n))) & 0xffffffff

def sha256(daten: liste[ganz]) -> liste[ganz]:
    k = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5,
        0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
        0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
        0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
        0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
        0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
        0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
    ]
    h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    nachricht = []
    für byte in daten:
        behaupten 0 <= byte < 256, "SHA-256 nimmt Bytes (0 bis 255)"
        nachricht.append(byte)
    bits = laenge(daten) * 8
    nachricht.append(0x80)
    solange laenge(nachricht) % 64 != 56:
        nachricht.append(0)
    für i in bereich(7, -1, -1):
        nachricht.append((bits >> (8 * i)) & 0xff)
    w = [0] * 64
    für block in bereich(0, laenge(nachricht), 64):
        für t in bereich(16):
            p = block + 4 * t
            w[t] = (nachricht[p] << 24) | (nachricht[p + 1] << 16) | (nachricht[p + 2] << 8) | nachricht[p + 3]
        für t in bereich(16, 64):
            s0 = rotr32(w[t - 15], 7) ^ rotr32(w[t - 15], 18) ^ (w[t - 15] >> 3)
            s1 = rotr32(w[t - 2], 17) ^ rotr32(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & 0xffffffff
        a = h[0]
        b = h[1]
        c = h[2]
        d = h[3]
        e = h[4]
        f = h[5]
        g = h[6]
        hh = h[7]
        für t in bereich(64):
            summe1 = rotr32(e, 6) ^ rotr32(e, 11) ^ rotr32(e, 25)
            wahl = (e & f) ^ ((~e) & g)
            temp1 = (hh + summe1 + wahl + k[t] + w[t]) & 0xffffffff
            summe0 = rotr32(a, 2) ^ rotr32(a, 13) ^ rotr32(a, 22)
            mehrheit = (a & b) ^ (a & c) ^ (b & c)
            temp2 = (summe0 + mehrheit) & 0xffffffff
            hh = g
            g = f
            f = e
            e = (d + temp1) & 0xffffffff
            d = c
            c = b
            b = a
            a = (temp1 + temp2) & 0xffffffff
        h[0] = (h[0] + a) & 0xffffffff
        h[1] = (h[1] + b) & 0xffffffff
        h[2] = (h[2] + c) & 0xffffffff
        h[3] = (h[3] + d) & 0xffffffff
        h[4] = (h[4] + e) & 0xffffffff
        h[5] = (h[5] + f) & 0xffffffff
        h[6] = (h[6] + g) & 0xffffffff
        h[7] = (h[7] + hh) & 0xffffffff
    digest = []
    für wort in h:
        für i in bereich(3, -1, -1):
            digest.append((wort >> (8 * i)) & 0xff)
    rückgabe digest

def sha256_muster(n: ganz) -> ganz:
    # Benchmark: SHA-256 der n Bytes 0, 1, ..., 255, 0, 1, ...; die ersten
    # vier Bytes des Hashwerts als Zahl.
    daten = []
    für i in bereich(n):
        daten.append(i % 256)
    d = sha256(daten)
    rückgabe (d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3]

def text_hash(text: zeichenkette) -> ganz:
    # Wie CryptoOperations.simple_hash: h = (h * 31 + Codepunkt) mod 2**32
    # über die Zeichen der Zeichenkette, ab 0.
    h = 0
    für c in text:
        h = (h * 31 + ordinal(c)) & 0xffffffff
    rückgabe h

def xor_text(text: zeichenkette, schluessel: zeichenkette) -> zeichenkette:
    # Wie CryptoOperations.xor_cipher: jeder Codepunkt XOR der Codepunkt des
    # sich wiederholenden Schlüssels.
    behaupten laenge(schluessel) > 0, "der Schlüssel darf nicht leer sein"
    ergebnis = ""
    n = laenge(schluessel)
    i = 0
    für c in text:
        ergebnis = ergebnis + zeichen(ordinal(c) ^ ordinal(schluessel[i % n]))
        i += 1
    rückgabe ergebnis

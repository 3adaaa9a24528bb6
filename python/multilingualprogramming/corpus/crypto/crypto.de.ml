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
    für i in bereich(laenge(daten)):
        ergebnis.append(xor_byte(daten[i], schluessel[i % laenge(schluessel)]))
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

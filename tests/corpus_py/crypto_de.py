"""What `multilingual crypto.de.multi` prints, computed with zlib, hashlib
and plain Python."""

import hashlib
import zlib


def main():
    message = "Grüße aus Köln!"
    data = message.encode("utf-8")
    print("Nachricht: %r, %d Bytes" % (message, len(data)))
    h = 0
    for b in data:
        h = (h * 31 + b) % 2 ** 32
    print("%15s: %08x" % ("einfacher Hash", h))
    print("%15s: %08x" % ("Adler-32", zlib.adler32(data)))
    print("Adler-32 wie zlib: True")
    print("SHA-256: %s" % hashlib.sha256(data).hexdigest())
    print("SHA-256 wie hashlib: True")
    key = "Geheimnis"
    print("verschlüsselt: %s" % [ord(c) ^ ord(key[i % len(key)]) for i, c in enumerate(message)])
    print("entschlüsselt: %s" % message)
    raw = key.encode("utf-8")
    print("Bytes verschlüsselt: %s" % bytes(b ^ raw[i % len(raw)] for i, b in enumerate(b"abc")).hex())
    print("0b1100 XOR 0b1010 = %s" % format(0b1100 ^ 0b1010, "04b"))
    print("Fehler: der Schlüssel darf nicht leer sein")


if __name__ == "__main__":
    main()

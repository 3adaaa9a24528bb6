"""What `multilingual search.pt.multi` prints, computed with bisect and
plain Python."""

import bisect
import re

POEM = """No meio do caminho tinha uma pedra
tinha uma pedra no meio do caminho
tinha uma pedra
no meio do caminho tinha uma pedra."""


def main():
    numbers = sorted([42, 7, 19, 3, 88, 19, 25])
    print("ListaOrdenada(%s)" % numbers)
    print("19 está no índice %d; 20 está na lista? %s" % (bisect.bisect_left(numbers, 19), 20 in numbers))
    print("busca linear de 88 em [5, 88, 1]: %d" % [5, 88, 1].index(88))
    print("100 está em [0, 2, ..., 198] no índice %d" % list(range(0, 200, 2)).index(100))
    phrase = "Oiapoque e Chuí"
    runs = re.findall("[aeiouáéíóúâêôãõàü]+", phrase.lower())
    print("maior sequência de vogais em %r: %d" % (phrase, max(map(len, runs))))
    lines = {}
    for number, line in enumerate(POEM.lower().replace(".", "").splitlines(), 1):
        for word in set(line.split()):
            lines.setdefault(word, []).append(number)
    print("'pedra' nas linhas %s, 'meio' nas linhas %s" % (lines["pedra"], lines["meio"]))
    print("palavras das quatro linhas: %s" % sorted(w for w, ns in lines.items() if len(ns) == 4))
    print("erro: 20 não está na lista")


if __name__ == "__main__":
    main()

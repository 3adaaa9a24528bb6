"""What `multilingual matrix.fr.multi` (argument fr) and `multilingual
matrix.en.multi` (argument en) print, computed in plain Python."""

import math
import sys

MESSAGES = {
    "fr": {"name": "Matrice", "transpose": "transposée de a : ", "fib": ", donc F(11) = ",
           "rotation": "une rotation garde les aires : det = ", "shapes": "formes : ",
           "error": "erreur : produit impossible : (2, 2) @ (1, 3)"},
    "en": {"name": "Matrix", "transpose": "transpose of a: ", "fib": ", so F(11) = ",
           "rotation": "a rotation keeps areas: det = ", "shapes": "shapes: ",
           "error": "error: cannot multiply: (2, 2) @ (1, 3)"},
}


def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]


def show(m):
    cells = [["%.2f" % x for x in row] for row in m]
    width = max(len(c) for row in cells for c in row)
    return "\n".join("[" + " ".join(c.rjust(width) for c in row) + "]" for row in cells)


def main(lang):
    text = MESSAGES[lang]
    a = [[1.0, 2.0], [3.0, 4.0]]
    b = [[0.0, 1.0], [1.0, 0.0]]
    print("a =")
    print(show(a))
    print("a @ b =")
    print(show(matmul(a, b)))
    print("%s%s(%r)" % (text["transpose"], text["name"], [[1.0, 3.0], [2.0, 4.0]]))
    print("det(a) = %.1f, trace(a) = %.1f" % (1.0 * 4.0 - 2.0 * 3.0, 1.0 + 4.0))
    fib = [[1.0, 0.0], [0.0, 1.0]]
    for _ in range(10):
        fib = matmul(fib, [[1.0, 1.0], [1.0, 0.0]])
    print("[[1, 1], [1, 0]] ** 10 = %s(%r)%s%.0f" % (text["name"], fib, text["fib"], fib[0][0]))
    c, s = math.cos(math.pi / 2), math.sin(math.pi / 2)
    print("%s%.6f" % (text["rotation"], c * c + s * s))
    print("%s{'a': (2, 2), '3 * a + b': (2, 2), 'I3': (3, 3)}" % text["shapes"])
    print(text["error"])


if __name__ == "__main__":
    main(sys.argv[1])

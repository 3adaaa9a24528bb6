"""What `multilingual json.es.multi` prints, computed with the json module."""

import json

EXAMPLES = {
    "objeto": '{"nombre": "Ñandú", "patas": 2, "vuela": false}',
    "arreglo": "[1, -2, 30, 400]",
    "anidado": "[[[[]]]]",
    "número": "-12.5e3",
    "coma final": "[1, 2,]",
    "NaN": "[NaN]",
    "comillas": "{'a': 1}",
}
KINDS = {dict: "objeto", list: "arreglo", str: "cadena", bool: "booleano", type(None): "nulo",
         int: "número", float: "número"}


def no_constant(name):
    raise ValueError(name)


def main():
    for name, text in EXAMPLES.items():
        try:
            value = json.loads(text, parse_constant=no_constant)
        except ValueError:
            print("%-11s inválido" % name)
            continue
        print("%-11s válido, %s, %d bytes" % (name, KINDS[type(value)], len(text.encode("utf-8"))))
    ints = json.loads(EXAMPLES["arreglo"])
    print("enteros: %s, suma %d" % (ints, sum(ints)))
    print("valor: %s" % json.loads(EXAMPLES["objeto"]))
    print("400 niveles: %s" % (json.loads("[" * 400 + "]" * 400) is not None))
    print("prueba_enteros(1000) = %d" % sum(k if k % 2 == 0 else -k for k in range(1000)))
    print("error: no es un arreglo de enteros: %r" % EXAMPLES["objeto"].encode("utf-8")[:40])


if __name__ == "__main__":
    main()

# Python 3.12 literal forms, for the lexer's tests and fuzzing seeds.
@decorator(arg)
def f(a, b, *, c=..., **kw) -> None:
    m = a @ b
    m @= b
    x = [..., 2j, 1.5J, 1e3j, .5j, 1.j, 1_000.000_1, 0x_ff, 0o17, 0b1010, 012.5, 00]
    s = 'a' "b" '''c
d''' """e"f""" r'\d' R"\n" u'x' U'\u00e9\x41\101\q'
    by = b'\x00\xff\377' rb'\x00' BR"\"" b'''multi
line'''
    fs = f"{x!r:>{w}.{p}f} {y=} {{literal}} {'}'} {"same quotes"} {f'{nested}'}"
    fs2 = rf"\{x}\n{y:\d}" + F'{a!s}' + fR"{b!a:}"
    fs3 = f'''multi {
        x + y  # a comment in a field
    } line {x = !r:^{width}} {d['k']:{fill}{align}{width}}'''
    fs4 = f"{x:{y:{z}}}{(lambda: 1)()}{(n := 10)}{a!=b}{a == b = }"
    long = 1 + \
        2
	# a comment indented with a tab
    return (m,
            s)

# f-strings, formatting, string methods, bytes, raw and triple-quoted strings.
name = "World"
width = 12
value = 3.14159
print(f"Hello, {name}!")
print(f"{name:>{width}}|{name:<8}|{name:^9}|")
print(f"{value:.2f} {value:10.3e} {1234567:,} {255:#x} {255:08b} {0.25:%}")
print(f"{name!r} {name!s} {'é'!a} {value=} {width * 2 = }")
print(f"{{literal}} {'nested ' + f'{width}'}")
print(f"""multi
line {name.lower()}""")
raw = r"C:\new\table"
print(raw, len(raw), "tab\tsep", 'quote\'s', "uni\u00e9")
text = """Triple
quoted"""
print(text.splitlines(), "implicit" " concatenation")
data = b"bytes\x00\xff" + bytes([65, 66])
print(data, len(data), data[0], data[-1], data.hex())
s = "  Mixed Case Words  "
print(s.strip().lower().split(), s.replace("Case", "case").strip(), s.count("s"))
print("-".join(["a", "b", "c"]), "abc".startswith("ab"), "abc".find("c"), "x".center(5, "*"))
print("%s has %d items costing %.2f" % ("cart", 3, 9.5), "{} and {}".format(1, [2]))
print(str(10), repr("x"), ord("A"), chr(66), "abc"[::-1], "é".encode("utf-8"))
print(3 * "ab", "ab" < "b", sorted("hello"), "".join(reversed("abc")))

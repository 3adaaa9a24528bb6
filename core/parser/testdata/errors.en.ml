def f(x)
    return x
### "1:9: expected ':' after the function header, found end of line"
---
def f(x) return x
### "1:10: expected ':' after the function header, found 'return'"
---
if x > 1
    y = 2
### "1:9: expected ':' after the 'if' header, found end of line"
---
if x > 1
    y = 2
elif x:
    y = 3
else:
    y = 4
z = $
### "1:9: expected ':' after the 'if' header"
### "7:5: unexpected character '\$'"
---
def f(x):
return x
### "2:1: expected an indented block after 'def' on line 1"
---
while True:
### "2:1: expected an indented block after 'while' on line 1"
---
if x:
        a = 1
    b = 2
### "3:1: unindent does not match any outer indentation level"
---
x = 1
    y = 2
z = 3
### "2:5: unexpected indent"
---
s = 'abc
t = 1
### "1:5: unterminated string"
---
print(1, 2
y = 3
### "1:6: '\(' was never closed"
### "2:1: expected '\)' to close the '\(' opened at 1:6, found 'y'"
---
x = 1 +
### "1:8: expected an expression, found end of line"
---
for x range(3):
    pass
### "1:7: expected 'in' after the loop variable, found 'range'"
---
else:
    x = 1
### "1:1: 'else' without a matching 'if'"
---
f(x) = 3
1 += 2
### "1:1: cannot assign to a function call"
### "2:1: cannot assign to a literal"
---
def f(x=1, y):
    pass
f(a=1, 2)
*a = 1
a, *b, *c = 1, 2, 3
a + 1: int = 2
### "1:12: parameter without a default follows a parameter with a default"
### "3:8: positional argument follows keyword argument"
### "4:1: a starred target must be inside a list or tuple of targets"
### "5:8: only one starred target is allowed in an assignment"
### "6:1: cannot assign to an expression"
---
x = a := b
y = f(x for x in z, 1)
def g(*, a=1, *b):
    pass
lambda *: 1
### "1:7: expected the end of the line, found ':='"
### "2:7: a generator expression must be in parentheses unless it is the only argument"
### "3:15: '\*' cannot come here in a parameter list"
### "5:9: a bare '\*' must be followed by a keyword-only parameter"
---
try:
    pass
x = 1
### "3:1: expected 'except' or 'finally' after the 'try' block, found 'x'"
---
x = b"a" "b"
### "1:5: cannot mix bytes and non-bytes literals"
---
if True:
	x = 1
        y = 2
### "3:1: inconsistent use of tabs and spaces in indentation"
---
def (x):
    pass
### "1:5: expected the function name after 'def', found '\('"
---
x = [1, 2
### "1:5: '\[' was never closed"
### "2:1: expected '\]' to close the '\[' opened at 1:5, found end of line"
---
x = 1)
### "1:6: unmatched '\)'"
---
match = 1
case = match + 1
match case:
    pass
### "4:5: expected 'case', found 'pass'"
---
x = 1 2
### "1:7: expected the end of the line, found '2'"
---
if x:
    y = (
### "2:9: '\(' was never closed"
### "3:1: expected an expression, found end of line"

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
x = 3 @ 4
### "1:7: unexpected character '@'"
---
print(1, 2
y = 3
### "1:6: '\(' was never closed"
### "2:1: expected '\)' to close the '\(' opened at 1:6, found 'y'"
---
class Foo:
    pass
### "1:1: 'class' \(class\) is not supported yet"
---
import math
y = lambda x: x
### "1:1: 'import' \(import\) is not supported yet"
### "2:5: 'lambda' \(lambda\) is not supported yet"
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
### "1:1: cannot assign to this expression"
### "2:1: cannot assign to this expression"
---
a, b = 1, 2
x = (1, 2)
f(end=1)
y = a[1:2]
z = {1: 2}
### "1:2: tuples are not supported yet"
### "2:7: tuples are not supported yet"
### "3:6: keyword arguments are not supported yet"
### "4:8: slices are not supported yet"
### "5:5: dictionaries and sets are not supported yet"
---
def f(x=1):
    pass
x: int = 3
a = b = 1
### "1:8: default parameter values are not supported yet"
### "3:2: variable annotations are not supported yet"
### "4:7: chained assignment"
---
x = (a := b)
y = [i for i in z]
### "1:8: operator ':=' is not supported yet"
### "2:8: comprehensions are not supported yet"
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
def f(x: 3):
    pass
### "1:10: expected a type name, found '3'"
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
### "3:1: 'match' \(match\) is not supported yet"
---
x = 1 2
### "1:7: expected the end of the line, found '2'"
---
if x:
    y = (
### "2:9: '\(' was never closed"
### "3:1: expected an expression, found end of line"

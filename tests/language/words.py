# Words that are keywords or extension words in some language, used as names;
# and the constructs whose keywords are short common words (in, is, and, or, not).
i, y, o, e, w, z = 1, 2, 0, 4, [1, 2], None
en, of, og, er, ar, om, on, ja = "en", "of", "og", "er", "ar", "om", "on", "ja"
ei, no, si, se, da, de, es, em, et, ou, ge, eh, fn = range(13)
chaque, cada, pas = [3, 4], [5], 6
print(i, y, o, e, w, z, en, of, og, er, ar, om, on, ja)
print(ei, no, si, se, da, de, es, em, et, ou, ge, eh, fn, chaque, cada, pas)

for i in w:
    print(i, i in w, i not in [y], i is None, i is not None)
for chaque in chaque:
    print("each", chaque)
print([pas for pas in cada if pas not in w], pas)

left = (i and y) and o
flat = i and y and o
right = i and (y and o)
mixed = (i or o) and (y or e) or not z
chain = ((i or o) or (y or e)) or z
print(left, flat, right, mixed, chain)
print(not i, not not o, (not i) == o, not (i == o), i if y else o, o or y if z is None else e)

n = 0
while n < 3:
    n += 1
    if n == 1 and y:
        kind = "one"
    elif n == 2 or z:
        kind = "two"
    else:
        kind = "more"
    print(n, kind)
else:
    print("done", n)

for k in range(3):
    if k in [5]:
        break
else:
    print("no break")

plan, memory, cost, send, local = 1, {}, 2.5, [], "here"
prompt, channel, spawn, trace, edge, cloud = "p", "c", "s", "t", "e", "cl"
think, render, bind, enum, uses, observe, parallel, stream = range(8)
memory["plan"] = plan
send.append(cost)
print(plan, memory, cost, send, local, prompt, channel, spawn, trace, edge, cloud)
print(think, render, bind, enum, uses, observe, parallel, stream, type(cost).__name__)


def delegate(task, swarm=3):
    return [task] * swarm


def explain(value):
    return type(value).__name__


print(delegate(plan, swarm=2), explain(memory), explain(local))

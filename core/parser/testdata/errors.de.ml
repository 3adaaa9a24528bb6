def f(x)
    rückgabe x
### "1:9: ':' nach dem Funktionskopf erwartet, aber Zeilenende gefunden"
---
wenn x > 1
    y = 2
### "1:11: ':' nach dem Kopf von 'wenn' erwartet, aber Zeilenende gefunden"
---
def f(x):
rückgabe x
### "2:1: eingerückter Block nach 'def' in Zeile 1 erwartet"
---
x = 1
    y = 2
### "2:5: unerwartete Einrückung"
---
ausgeben(1, 2
y = 3
### "1:9: '\(' wurde nie geschlossen"
### "2:1: '\)' erwartet, um '\(' \(geöffnet bei 1:9\) zu schließen, aber 'y' gefunden"
---
versuchen:
    x = 1
y = 2
### "3:1: 'ausnahme' oder 'schließlich' nach dem 'versuchen'-Block erwartet, aber 'y' gefunden"
---
sonst:
    x = 1
### "1:1: 'sonst' ohne passendes 'wenn'"
---
x = 1 +
### "1:8: Ausdruck erwartet, aber Zeilenende gefunden"
---
f(a=1, 2)
(a, b) += 1
### "1:8: Positionsargument folgt auf Schlüsselwortargument"
### "2:1: Zuweisung an ein Tupel nicht möglich"
---
x = 3 € 4
### "1:7: unerwartetes Zeichen '€'"

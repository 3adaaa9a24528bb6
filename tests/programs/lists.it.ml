# Liste: indici negativi, append, pop, somma, min/max, annidate.

definisci somma_pesata(valori: lista[intero]) -> intero:
    totale = 0
    per i in intervallo(lunghezza(valori)):
        totale += valori[i] * (i + 1) - valori[-1 - i]
    ritorna totale

definisci raddoppia(valori: lista[decimale]) -> lista[decimale]:
    risultato = []
    per x in valori:
        risultato.append(x * 2.0)
    ritorna risultato

definisci estremi(valori: lista[intero]) -> intero:
    ritorna massimo(valori) - minimo(valori)

definisci aggiungi_in_coda(valori: lista[intero], x: intero) -> intero:
    valori.append(x)
    se lunghezza(valori) > 3:
        valori.pop(0)
    ritorna somma(valori)

definisci contiene(valori: lista[intero], x: intero) -> booleano:
    ritorna x in valori e non (x + 1) in valori

definisci traccia(m: lista[lista[decimale]]) -> decimale:
    t = 0.0
    per i in intervallo(lunghezza(m)):
        t = t + m[i][i]
    ritorna t

definisci ribalta(valori: lista[booleano]) -> lista[booleano]:
    per i in intervallo(lunghezza(valori)):
        valori[i] = non valori[i]
    ritorna valori

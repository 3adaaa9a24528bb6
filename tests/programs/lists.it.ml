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

definisci setaccio(n: intero) -> lista[booleano]:
    # crivello di Eratostene su una lista di booleani (un byte per elemento)
    primi = [Vero] * (n + 1)
    se n >= 0:
        primi[0] = Falso
    se n >= 1:
        primi[1] = Falso
    per i in intervallo(2, n + 1):
        se primi[i]:
            per j in intervallo(i * i, n + 1, i):
                primi[j] = Falso
    primi.append(n % 2 == 0)
    ultimo = primi.pop()
    ritorna primi + [ultimo, Vero in primi, Falso in primi]

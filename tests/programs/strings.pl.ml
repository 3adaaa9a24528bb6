# Napisy: literały, długość, indeksy, porównania, łączenie, powtarzanie,
# przynależność, pętle po znakach, porzadkowy/znak i tekst().

funkcja dlugosc_napisu(s: tekst) -> calkowita:
    zwroc dlugosc(s)

funkcja litera(s: tekst, i: calkowita) -> tekst:
    zwroc s[i]

funkcja porownaj(a: tekst, b: tekst) -> calkowita:
    jesli a == b:
        zwroc 0
    inaczej_jesli a < b:
        zwroc -1
    zwroc 1

funkcja relacje(a: tekst, b: tekst) -> calkowita:
    zwroc (a <= b) + 2 * (a > b) + 4 * (a >= b) + 8 * (a != b) + 16 * (a < b)

funkcja polacz(a: tekst, b: tekst) -> tekst:
    zwroc a + "|" + b

funkcja powtorz(s: tekst, n: calkowita) -> tekst:
    zwroc s * n + n * "-"

funkcja zawiera(igla: tekst, stog: tekst) -> logiczna:
    zwroc igla w stog oraz igla nie w "xyz"

funkcja odwroc(s: tekst) -> tekst:
    r = ""
    dla c w s:
        r = c + r
    zwroc r

funkcja skrot(s: tekst) -> calkowita:
    h = 0
    dla c w s:
        h = (h * 31 + porzadkowy(c)) & 0xFFFFFFFF
    zwroc h

funkcja kod(s: tekst) -> calkowita:
    zwroc porzadkowy(s)

funkcja z_kodu(n: calkowita) -> tekst:
    zwroc znak(n)

funkcja szyfr(s: tekst, k: tekst) -> tekst:
    # XOR kolejnych punktów kodowych z powtarzanym kluczem
    r = ""
    i = 0
    dla c w s:
        r = r + znak(porzadkowy(c) ^ porzadkowy(k[i % dlugosc(k)]))
        i += 1
    zwroc r

funkcja opis(n: calkowita) -> tekst:
    zwroc tekst(n) + ":" + tekst(n % 2 == 0) + tekst() + tekst("!")

funkcja pusty(s: tekst) -> logiczna:
    zwroc nie s

funkcja albo(a: tekst, b: tekst) -> tekst:
    zwroc a lub b

funkcja policz(slowa: lista[tekst], s: tekst) -> calkowita:
    n = 0
    dla slowo w slowa:
        jesli slowo == s:
            n += 1
    zwroc n + (s w slowa)

funkcja dopisz(slowa: lista[tekst], s: tekst) -> lista[tekst]:
    slowa.append(s + s)
    jesli dlugosc(slowa) > 1:
        slowa[0] = slowa[-1]
    zwroc slowa

funkcja najdluzszy(s: tekst, dozwolone: tekst) -> calkowita:
    najlepszy = 0
    seria = 0
    dla c w s:
        jesli c w dozwolone:
            seria += 1
        inaczej:
            seria = 0
        jesli seria > najlepszy:
            najlepszy = seria
    zwroc najlepszy

funkcja budowa(n: calkowita, s: tekst) -> tekst:
    # dopisywanie w miejscu, gdy nikt inny nie widzi napisu
    r = ""
    kopie = [""]
    t = r
    dla i w zakres(n):
        r = r + znak(65 + i % 26)
        r += s
        jesli i % 3 == 0:
            kopie.append(r)
        jesli i == 2:
            t = r
    wynik = t + "|"
    dla k w kopie:
        wynik = wynik + k + ","
    zwroc wynik + r

funkcja znaki(s: tekst) -> lista[tekst]:
    wynik = []
    dla c w s:
        wynik.append(c)
    zwroc wynik

funkcja kody(s: tekst) -> calkowita:
    suma = 0
    dla c w s:
        jesli c != " " oraz nie c w "aeiou":
            suma = suma * 7 + porzadkowy(c) + dlugosc(c)
    zwroc suma

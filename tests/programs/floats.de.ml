# Gleitkomma: Division, Mittelwerte, Polynome, Vergleiche.

def mittel(a: gleitkomma, b: gleitkomma, c: gleitkomma) -> gleitkomma:
    rückgabe (a + b + c) / 3.0

def polynom(x: gleitkomma) -> gleitkomma:
    rückgabe ((2.5 * x - 1.0) * x + 0.5) * x - 7.25

def begrenzen(x: gleitkomma, unten: gleitkomma, oben: gleitkomma) -> gleitkomma:
    rückgabe minimum(maximum(x, unten), oben)

def verhaeltnis(a: ganz, b: ganz) -> gleitkomma:
    rückgabe a / b

def abstand(a: gleitkomma, b: gleitkomma) -> gleitkomma:
    wenn a > b:
        rückgabe a - b
    rückgabe b - a

def zwischen(x: gleitkomma, a: gleitkomma, b: gleitkomma) -> boolesch:
    rückgabe a <= x < b

def gerundet(x: gleitkomma) -> ganz:
    rückgabe runden(x)

def abgeschnitten(x: gleitkomma) -> ganz:
    rückgabe ganzzahl(x)

def potenz(x: gleitkomma, y: gleitkomma) -> gleitkomma:
    # float ** float: die Sonderfälle wie CPython, sonst pow() der Plattform
    rückgabe x ** y

def potenz_gemischt(x: gleitkomma, n: ganz, m: ganz) -> gleitkomma:
    r = n ** x
    r **= 0.5
    rückgabe r + x ** n + 2.0 ** (m % 60)

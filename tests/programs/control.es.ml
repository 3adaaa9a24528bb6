# Control de flujo: sinosi, bucles anidados, romper y continuar.

def clasificar(x: entero) -> entero:
    si x < -100:
        devolver -2
    sinosi x < 0:
        devolver -1
    sinosi x == 0:
        devolver 0
    sinosi 0 < x <= 100:
        devolver 1
    sino:
        devolver 2

def suma_pares(n: entero) -> entero:
    total = 0
    para k en rango(n):
        si k % 2 == 1:
            continuar
        total += k
    devolver total

def cuenta_atras(a: entero, b: entero, paso: entero) -> entero:
    pasos = 0
    ultimo = 0
    para k en rango(a, b, paso):
        pasos += 1
        ultimo = k
        si pasos > 1000:
            romper
    devolver pasos * 100000 + ultimo

def tabla(n: entero) -> entero:
    total = 0
    para fila en rango(n):
        para columna en rango(fila, n):
            si fila * columna > 50:
                romper
            total += fila * columna - columna // 3
    devolver total

def primer_divisor(n: entero) -> entero:
    d = 2
    mientras d <= n:
        si n % d == 0:
            devolver d
        d += 1
    devolver n

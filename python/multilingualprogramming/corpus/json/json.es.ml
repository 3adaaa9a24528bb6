# JSON estricto (RFC 8259) sobre bytes: una lista de enteros 0..255 con el
# texto en UTF-8. validar_json dice si los bytes son un texto JSON válido,
# como json.loads sobre los bytes decodificados en UTF-8 sin NaN ni Infinity;
# analizar_enteros lee un arreglo de enteros como b"[1, -2, 30]" y falla con
# una aserción (AssertionError) si la entrada no es exactamente eso.
# El anidamiento se recorre con recursión, hasta profundidad_maxima() niveles.

def profundidad_maxima() -> entero:
    devolver 400

def es_espacio(c: entero) -> booleano:
    devolver c == 32 o c == 9 o c == 10 o c == 13

def es_digito(c: entero) -> booleano:
    devolver 48 <= c <= 57

def es_hex(c: entero) -> booleano:
    devolver 48 <= c <= 57 o 65 <= c <= 70 o 97 <= c <= 102

def byte_entre(b: lista[entero], i: entero, bajo: entero, alto: entero) -> booleano:
    devolver i < longitud(b) y bajo <= b[i] <= alto

def saltar_espacios(b: lista[entero], i: entero) -> entero:
    mientras i < longitud(b) y es_espacio(b[i]):
        i += 1
    devolver i

def largo_utf8(b: lista[entero], i: entero) -> entero:
    # Longitud de la secuencia UTF-8 bien formada que empieza en i, o -1
    # (sin formas largas, sin sustitutos, nada por encima de U+10FFFF).
    c = b[i]
    largo = 0
    bajo = 0x80
    alto = 0xBF
    si 0xC2 <= c <= 0xDF:
        largo = 2
    sinosi c == 0xE0:
        largo = 3
        bajo = 0xA0
    sinosi c == 0xED:
        largo = 3
        alto = 0x9F
    sinosi 0xE1 <= c <= 0xEF:
        largo = 3
    sinosi c == 0xF0:
        largo = 4
        bajo = 0x90
    sinosi c == 0xF4:
        largo = 4
        alto = 0x8F
    sinosi 0xF1 <= c <= 0xF3:
        largo = 4
    sino:
        devolver -1
    si no byte_entre(b, i + 1, bajo, alto):
        devolver -1
    para k en rango(i + 2, i + largo):
        si no byte_entre(b, k, 0x80, 0xBF):
            devolver -1
    devolver largo

def fin_cadena(b: lista[entero], i: entero) -> entero:
    # b[i] es la comilla de apertura; devuelve el índice tras la de cierre, o -1.
    n = longitud(b)
    i += 1
    mientras i < n:
        c = b[i]
        si c == 34:
            devolver i + 1
        sinosi c == 92:
            si i + 1 >= n:
                devolver -1
            escape = b[i + 1]
            si escape == 117:
                si i + 5 >= n:
                    devolver -1
                para k en rango(i + 2, i + 6):
                    si no es_hex(b[k]):
                        devolver -1
                i += 6
            sinosi escape en [34, 92, 47, 98, 102, 110, 114, 116]:
                i += 2
            sino:
                devolver -1
        sinosi c < 32:
            devolver -1
        sinosi c < 128:
            i += 1
        sino:
            largo = largo_utf8(b, i)
            si largo < 0:
                devolver -1
            i += largo
    devolver -1

def fin_numero(b: lista[entero], i: entero) -> entero:
    # -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; el índice tras el número, o -1.
    n = longitud(b)
    si i < n y b[i] == 45:
        i += 1
    si i >= n:
        devolver -1
    si b[i] == 48:
        i += 1
    sinosi es_digito(b[i]):
        mientras i < n y es_digito(b[i]):
            i += 1
    sino:
        devolver -1
    si i < n y b[i] == 46:
        i += 1
        si no byte_entre(b, i, 48, 57):
            devolver -1
        mientras i < n y es_digito(b[i]):
            i += 1
    si i < n y (b[i] == 101 o b[i] == 69):
        i += 1
        si i < n y (b[i] == 43 o b[i] == 45):
            i += 1
        si no byte_entre(b, i, 48, 57):
            devolver -1
        mientras i < n y es_digito(b[i]):
            i += 1
    devolver i

def fin_palabra(b: lista[entero], i: entero, palabra: lista[entero]) -> entero:
    para k en rango(longitud(palabra)):
        si i + k >= longitud(b) o b[i + k] != palabra[k]:
            devolver -1
    devolver i + longitud(palabra)

def fin_valor(b: lista[entero], i: entero, profundidad: entero) -> entero:
    # Salta los espacios y un valor desde i; el índice tras el valor, o -1.
    n = longitud(b)
    i = saltar_espacios(b, i)
    si i >= n:
        devolver -1
    c = b[i]
    si c == 34:
        devolver fin_cadena(b, i)
    si c == 45 o es_digito(c):
        devolver fin_numero(b, i)
    si c == 116:
        devolver fin_palabra(b, i, [116, 114, 117, 101])
    si c == 102:
        devolver fin_palabra(b, i, [102, 97, 108, 115, 101])
    si c == 110:
        devolver fin_palabra(b, i, [110, 117, 108, 108])
    si c != 91 y c != 123:
        devolver -1
    si profundidad >= profundidad_maxima():
        devolver -1
    si c == 91:
        i = saltar_espacios(b, i + 1)
        si i < n y b[i] == 93:
            devolver i + 1
        mientras Verdadero:
            i = fin_valor(b, i, profundidad + 1)
            si i < 0:
                devolver -1
            i = saltar_espacios(b, i)
            si i >= n:
                devolver -1
            si b[i] == 93:
                devolver i + 1
            si b[i] != 44:
                devolver -1
            i += 1
    i = saltar_espacios(b, i + 1)
    si i < n y b[i] == 125:
        devolver i + 1
    mientras Verdadero:
        si i >= n o b[i] != 34:
            devolver -1
        i = fin_cadena(b, i)
        si i < 0:
            devolver -1
        i = saltar_espacios(b, i)
        si i >= n o b[i] != 58:
            devolver -1
        i = fin_valor(b, i + 1, profundidad + 1)
        si i < 0:
            devolver -1
        i = saltar_espacios(b, i)
        si i >= n:
            devolver -1
        si b[i] == 125:
            devolver i + 1
        si b[i] != 44:
            devolver -1
        i = saltar_espacios(b, i + 1)
    devolver -1

def validar_json(b: lista[entero]) -> booleano:
    i = fin_valor(b, 0, 0)
    si i < 0:
        devolver Falso
    devolver saltar_espacios(b, i) == longitud(b)

def analizar_enteros(b: lista[entero]) -> lista[entero]:
    n = longitud(b)
    resultado = []
    i = saltar_espacios(b, 0)
    afirmar i < n y b[i] == 91, "se esperaba '['"
    i = saltar_espacios(b, i + 1)
    si i < n y b[i] == 93:
        afirmar saltar_espacios(b, i + 1) == n, "hay datos después de ']'"
        devolver resultado
    mientras Verdadero:
        negativo = Falso
        si i < n y b[i] == 45:
            negativo = Verdadero
            i += 1
        afirmar byte_entre(b, i, 48, 57), "se esperaba un dígito"
        valor = 0
        si b[i] == 48:
            i += 1
        sino:
            mientras i < n y es_digito(b[i]):
                valor = valor * 10 + (b[i] - 48)
                i += 1
        afirmar no (i < n y (b[i] == 46 o b[i] == 101 o b[i] == 69 o es_digito(b[i]))), "solo enteros"
        si negativo:
            valor = -valor
        resultado.append(valor)
        i = saltar_espacios(b, i)
        afirmar i < n, "falta ']'"
        si b[i] == 93:
            afirmar saltar_espacios(b, i + 1) == n, "hay datos después de ']'"
            devolver resultado
        afirmar b[i] == 44, "se esperaba ','"
        i = saltar_espacios(b, i + 1)
    devolver resultado

def agregar_entero(b: lista[entero], valor: entero) -> Nada:
    # Añade a b los bytes del número valor en decimal.
    si valor < 0:
        b.append(45)
        valor = -valor
    cifras = []
    cifras.append(48 + valor % 10)
    valor = valor // 10
    mientras valor > 0:
        cifras.append(48 + valor % 10)
        valor = valor // 10
    para k en rango(longitud(cifras) - 1, -1, -1):
        b.append(cifras[k])

def prueba_enteros(n: entero) -> entero:
    # Banco de pruebas: escribe "[0, -1, 2, -3, ...]" con n números, lo
    # valida, lo lee y devuelve la suma (-1 si no fuera JSON válido).
    texto = [91]
    para k en rango(n):
        si k > 0:
            texto.append(44)
            texto.append(32)
        si k % 2 == 1:
            agregar_entero(texto, -k)
        sino:
            agregar_entero(texto, k)
    texto.append(93)
    si no validar_json(texto):
        devolver -1
    suma_total = 0
    para v en analizar_enteros(texto):
        suma_total += v
    devolver suma_total

# Aritmetica intera per il registro (NumericOperations): Fibonacci, fattori
# primi, MCD, mcm, fattoriale; più fib_ricorsivo per il benchmark fib(30) e
# un crivello di Eratostene che conta i primi minori di n.

definisci fibonacci(n: intero) -> lista[intero]:
    # I primi n termini: [] per n <= 0, [0], [0, 1], [0, 1, 1], ...
    risultato = []
    a = 0
    b = 1
    per k in intervallo(n):
        risultato.append(a)
        prossimo_termine = a + b
        a = b
        b = prossimo_termine
    ritorna risultato

definisci fattori_primi(n: intero) -> lista[intero]:
    # In ordine crescente, con molteplicità; [] per n < 2.
    risultato = []
    d = 2
    mentre d * d <= n:
        mentre n % d == 0:
            risultato.append(d)
            n = n // d
        se d == 2:
            d += 1
        altrimenti:
            d += 2
    se n >= 2:
        risultato.append(n)
    ritorna risultato

definisci mcd(a: intero, b: intero) -> intero:
    a = assoluto(a)
    b = assoluto(b)
    mentre b != 0:
        resto = a % b
        a = b
        b = resto
    ritorna a

definisci mcm(a: intero, b: intero) -> intero:
    se a == 0 o b == 0:
        ritorna 0
    ritorna assoluto(a * b) // mcd(a, b)

definisci fattoriale(n: intero) -> intero:
    asserisci n >= 0, "fattoriale di un numero negativo"
    risultato = 1
    per k in intervallo(2, n + 1):
        risultato *= k
    ritorna risultato

definisci fib_ricorsivo(n: intero) -> intero:
    se n < 2:
        ritorna n
    ritorna fib_ricorsivo(n - 1) + fib_ricorsivo(n - 2)

definisci crivello(n: intero) -> intero:
    # Quanti primi sono minori di n (crivello di Eratostene su una lista).
    se n < 3:
        ritorna 0
    primo = [Vero] * n
    primo[0] = Falso
    primo[1] = Falso
    i = 2
    mentre i * i < n:
        se primo[i]:
            j = i * i
            mentre j < n:
                primo[j] = Falso
                j += i
        i += 1
    conta = 0
    per p in primo:
        se p:
            conta += 1
    ritorna conta

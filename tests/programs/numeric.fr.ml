# Arithmétique entière : boucles tantque, division entière et modulo.

déf pgcd(a: entier, b: entier) -> entier:
    a = valeurabsolue(a)
    b = valeurabsolue(b)
    tantque b != 0:
        reste = a % b
        a = b
        b = reste
    retour a

déf etapes_collatz(n: entier) -> entier:
    si n < 1:
        retour -1
    etapes = 0
    tantque n != 1:
        si n % 2 == 0:
            n = n // 2
        sinon:
            n = 3 * n + 1
        etapes += 1
    retour etapes

déf puissance_mod(base: entier, exposant: entier, module: entier) -> entier:
    resultat = 1 % module
    base = base % module
    tantque exposant > 0:
        si exposant % 2 == 1:
            resultat = (resultat * base) % module
        base = (base * base) % module
        exposant = exposant // 2
    retour resultat

déf racine_entiere(n: entier) -> entier:
    si n < 2:
        retour n
    x = n
    y = (x + 1) // 2
    tantque y < x:
        x = y
        y = (x + n // x) // 2
    retour x

déf est_premier(n: entier) -> booléen:
    si n < 2:
        retour Faux
    d = 2
    tantque d * d <= n:
        si n % d == 0:
            retour Faux
        d += 1
    retour Vrai

déf melange(a: entier, b: entier) -> entier:
    retour (a * 31 + b) // 7 - a % 5 * b

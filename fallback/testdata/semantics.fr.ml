# Tests de sémantique : chaque affirmer compare à une valeur calculée à la main.
déf division_entière(a: entier, b: entier) -> entier:
    retour a // b


déf reste(a: entier, b: entier) -> entier:
    retour a % b


déf puissance_négative(x: entier) -> entier:
    retour -x ** 2


déf entre(a: entier, b: entier, c: entier) -> booléen:
    retour a < b <= c


déf classer(n: entier) -> chaine:
    si n < 0:
        retour "négatif"
    sinon si n == 0:
        retour "zéro"
    sinon si n < 10:
        si n % 2 == 0:
            retour "petit pair"
        sinon:
            retour "petit impair"
    sinon:
        retour "grand"


déf impairs(n: entier) -> entier:
    i = 0
    s = 0
    tantque Vrai:
        i += 1
        si i > n:
            arrêter
        si i % 2 == 0:
            continuer
        s += i
    retour s


déf compte_à_rebours(n: entier) -> liste[entier]:
    résultat = []
    pour i dans intervalle(n, 0, -2):
        résultat.append(i)
    retour résultat


déf carrés(n: entier) -> liste[entier]:
    xs = [0] * n
    pour i dans intervalle(longueur(xs)):
        xs[i] = i * i
        xs[i] += 1
    retour xs


déf compteur() -> entier:
    global total
    total += 1
    retour total


affirmer division_entière(7, 2) == 3
affirmer division_entière(-7, 2) == -4
affirmer division_entière(7, -2) == -4
affirmer reste(-7, 2) == 1
affirmer reste(7, -2) == -1
affirmer puissance_négative(3) == -9
affirmer (-3) ** 2 == 9
affirmer entre(1, 2, 2) et non entre(1, 1, 2)
affirmer 3 pas dans [1, 2] et Rien est Rien
affirmer classer(-3) == "négatif"
affirmer classer(0) == "zéro"
affirmer classer(4) == "petit pair"
affirmer classer(7) == "petit impair"
affirmer classer(12) == "grand"
affirmer impairs(10) == 25
affirmer compte_à_rebours(7) == [7, 5, 3, 1]
affirmer carrés(4) == [1, 2, 5, 10]
affirmer 2 ** -1 == 0.5
affirmer 7 / 2 == 3.5
affirmer 2 ** 100 == 1267650600228229401496703205376
total = 0
pour k dans intervalle(1, 4):
    total += k
affirmer total == 6
affirmer compteur() == 7 et total == 7
afficher("ok", total, "\"guillemets\"\tet\\barre")

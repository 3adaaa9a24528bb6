# Chaînes : littéraux, longueur, indices, comparaisons, concaténation,
# répétition, appartenance, parcours, ord/chr et str().

déf taille(s: chaine) -> entier:
    retour longueur(s)

déf lettre(s: chaine, i: entier) -> chaine:
    retour s[i]

déf compare(a: chaine, b: chaine) -> entier:
    si a == b:
        retour 0
    sinon si a < b:
        retour -1
    retour 1

déf ordre(a: chaine, b: chaine) -> entier:
    retour (a <= b) + 2 * (a > b) + 4 * (a >= b) + 8 * (a != b)

déf joindre(a: chaine, b: chaine) -> chaine:
    retour a + b

déf répéter(s: chaine, n: entier) -> chaine:
    retour s * n

déf contient(aiguille: chaine, meule: chaine) -> booléen:
    retour aiguille dans meule

déf absent(aiguille: chaine, meule: chaine) -> booléen:
    retour aiguille pas dans meule

déf codes(s: chaine) -> entier:
    # somme pondérée des points de code, dans l'ordre
    h = 0
    pour c dans s:
        h = (h * 31 + ordinal(c)) % 1000000007
    retour h

déf hachage(s: chaine) -> entier:
    # le hachage de l'issue 18 : points de code décodés dans la boucle,
    # h dans [0, 2**32) d'une itération à l'autre, donc sans contrôle
    h = 0
    pour c dans s:
        h = (h * 31 + ordinal(c)) % 2**32
    retour h

déf inverse(s: chaine) -> chaine:
    r = ""
    pour c dans s:
        r = c + r
    retour r

déf code(s: chaine) -> entier:
    retour ordinal(s)

déf car(n: entier) -> chaine:
    retour caractère(n)

déf texte(n: entier) -> chaine:
    retour chaine(n) + chaine(n > 0) + chaine() + chaine("!")

déf voyelles(s: chaine) -> entier:
    n = 0
    pour c dans s:
        si c dans ["a", "e", "i", "o", "u", "é"]:
            n += 1
    retour n

déf vide(s: chaine) -> booléen:
    retour non s

déf choix(a: chaine, b: chaine) -> chaine:
    retour a ou b

déf parmi(s: chaine, n: entier) -> entier:
    mots = ["zéro", "un", "deux"]
    mots.append(s)
    retour (s dans mots) + longueur(mots[n])

déf construire(n: entier) -> chaine:
    # ajouts en place : un caractère ASCII puis un idéogramme à chaque tour
    r = ""
    pour i dans intervalle(n):
        r = r + caractère(65 + i % 26)
        r += caractère(0x4e00 + i)
    retour r

déf alias(n: entier) -> chaine:
    # t garde l'objet de r : l'ajout suivant ne doit pas le changer
    r = "ab"
    t = r
    pour i dans intervalle(n):
        r = r + "x"
        si i == 2:
            t = r
    retour t + "|" + r

déf dans_liste(n: entier) -> entier:
    r = ""
    l = [""]
    pour i dans intervalle(n):
        r += "é"
        l.append(r)
    total = 0
    pour s dans l:
        total = total + longueur(s)
    retour total

déf doubler(s: chaine) -> chaine:
    r = s
    pour c dans r:
        r = r + c
    retour r

déf code_à(s: chaine, i: entier) -> entier:
    retour ordinal(s[i])

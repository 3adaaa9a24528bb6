déf f(x)
    retour x
### "1:9: ':' attendu après l'en-tête de la fonction, trouvé fin de ligne"
---
déf f(x) retour x
### "1:10: ':' attendu après l'en-tête de la fonction, trouvé 'retour'"
---
si x > 1
    y = 2
sinon:
    y = 3
### "1:9: ':' attendu après l'en-tête du 'si', trouvé fin de ligne"
---
pour chaque x dans intervalle(3)
    afficher(x)
### "1:33: ':' attendu après l'en-tête du 'pour chaque', trouvé fin de ligne"
---
déf f(x):
retour x
### "2:1: bloc indenté attendu après 'déf' à la ligne 1"
---
si x:
        a = 1
    b = 2
### "3:1: la désindentation ne correspond à aucun niveau d'indentation extérieur"
---
x = 1
    y = 2
### "2:5: indentation inattendue"
---
s = «abc
t = 1
### "1:5: chaîne non terminée"
---
x = 3 € 4
### "1:7: caractère inattendu '€'"
---
afficher(1, 2
y = 3
### "1:9: '\(' n'a jamais été fermé"
### "2:1: '\)' attendu pour fermer le '\(' ouvert en 1:9, trouvé 'y'"
---
essayer:
    x = 1
y = 2
### "3:1: 'sauf' ou 'finalement' attendu après le bloc 'essayer', trouvé 'y'"
---
pour x intervalle(3):
    passer
### "1:8: 'dans' attendu après la variable de boucle, trouvé 'intervalle'"
---
sinon:
    x = 1
### "1:1: 'sinon' sans 'si' correspondant"
---
x = 1 +
### "1:8: expression attendue, trouvé fin de ligne"
---
si x:
	a = 1
        b = 2
### "3:1: mélange incohérent de tabulations et d'espaces dans l'indentation"
---
f(a=1, 2)
(a, b) += 1
### "1:8: un argument positionnel suit un argument nommé"
### "2:1: impossible d'affecter à un tuple"
---
x = 0x
y = 12abc
### "1:5: nombre invalide '0x'"
### "2:5: nombre invalide '12abc'"
---
déf f(x: entier) -> entier
    retour x
### "1:27: ':' attendu après l'en-tête de la fonction, trouvé fin de ligne"

# Šalių (country-XX) ir kalbų (language-xx) pavadinimus visomis kalbomis
# pateikia CLDR (ICU4X); jame yra visų ISO 3166-1 šalių pavadinimai. Šiame
# faile rašomi tik pakeitimai: pavadinimai, kuriuos lietuviškuose puslapiuose
# vartojame vietoj CLDR pavadinimų, kiekvienas su komentaru, paaiškinančiu,
# kodėl. Kitų kalbų puslapiuose lieka CLDR pavadinimai.

# CLDR siūlo „tagalogų“, o lietuviškai įprasta „tagalų kalba“ (pagal tautos
# pavadinimą „tagalai“; taip kalba vadinama ir lietuviškoje Vikipedijoje).
language-tl = tagalų

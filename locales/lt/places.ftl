# Šalių (country-XX) ir kalbų (language-xx) pavadinimus visomis kalbomis
# pateikia CLDR (ICU4X), ir jie yra visoms ISO 3166-1 šalims. Šiame faile
# rašomi tik pakeitimai: pavadinimas, kurį šia kalba norime vartoti vietoj
# CLDR pavadinimo, kiekvienas su komentaru, kodėl. Kitos kalbos lieka su
# CLDR pavadinimais.

# CLDR siūlo „tagalogų“, o lietuvių kalboje įprastas pavadinimas yra
# „tagalų kalba“ (taip ji vadinama, pavyzdžiui, lietuviškoje Vikipedijoje).
language-tl = tagalų

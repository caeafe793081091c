"""Vocabulary in other languages, one table per language, read by classify and timeparse.

Each table maps a *concept* (a signal ``classify`` or ``timeparse`` already computes for
English) to regular-expression fragments in that language. The fragments are joined per
concept into one alternation and added to the English pattern for the same signal, so the
decision table and its reasons stay the same whatever language the mail is in; a new
language is a new table here, not new code.

Fragments are written in lower case with their accents; :func:`pattern` makes each accented
letter also match its unaccented form ("não" matches "nao", "reunión" "reunion"), since mail
typed on an English keyboard often drops them. Fragments must stay linear: no nested
unbounded quantifiers, bounded gaps only (``(?:\\w+\\s+){0,3}``).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from daemon.understand import patterns

#: accented letter -> the class that also accepts its plain form
_ACCENTS = {
    "á": "[áa]",
    "à": "[àa]",
    "â": "[âa]",
    "ã": "[ãa]",
    "é": "[ée]",
    "ê": "[êe]",
    "í": "[íi]",
    "ó": "[óo]",
    "ô": "[ôo]",
    "õ": "[õo]",
    "ú": "[úu]",
    "ü": "(?:ü|ue|u)",
    "ä": "(?:ä|ae)",
    "ö": "(?:ö|oe)",
    "ß": "(?:ß|ss)",
    "ç": "[çc]",
    "è": "[èe]",
    "î": "[îi]",
    "û": "[ûu]",
    "ù": "[ùu]",
    # Polish
    "ą": "[ąa]",
    "ć": "[ćc]",
    "ę": "[ęe]",
    "ł": "[łl]",
    "ń": "[ńn]",
    "ś": "[śs]",
    "ź": "[źz]",
    "ż": "[żz]",
}

#: a bounded run of words, the gap allowed inside a phrase
_W3 = r"(?:[\w-]+\s+){0,3}?"
_W5 = r"(?:[\w-]+\s+){0,5}?"

SPANISH: dict[str, tuple[str, ...]] = {
    # what before a time makes it the arrival, not the interview (when.py)
    "arrival": (r"pres[ée]ntese", r"pres[ée]ntate", r"llegada", r"llegar", r"en (?:la )?recepci[óo]n"),
    # an interview named (interview_ctx)
    "interview": (
        r"entrevistas?",
        r"entrevista de trabajo",
        r"proceso de selecci[oó]n",
        # Spanish puts the adjective after: "Panel final", "ronda final", "etapa final"
        r"(?:panel|ronda|etapa|fase|conversaci[oó]n|charla)\s+final",
    ),
    # words of a hiring process (hiring_ctx)
    "hiring": (
        r"candidat[oa]s?",
        r"candidatura",
        r"postulaci[oó]n",
        r"postulaste",
        r"vacantes?",
        r"puesto",
        r"posici[oó]n",
        r"incorporaci[oó]n",
        r"solicitud",
        r"reclutamiento",
        r"reclutador[a]?",
        r"selecci[oó]n",
        r"curr[ií]culum",
        r"oferta",
        r"contrataci[oó]n",
        r"recursos humanos",
        r"talento",
    ),
    # a meeting with the candidate, named in any register
    "meeting": (
        r"entrevistas?",
        r"llamada",
        r"videollamada",
        r"conversaci[oó]n",
        r"charla",
        r"reuni[oó]n",
    ),
    # what a booked session with a non-employer is called (with "meeting")
    "session": (r"entrevistas?", r"llamada", r"videollamada", r"reuni[oó]n", r"cita", r"sesi[oó]n", r"grabaci[oó]n"),
    "invite_subject": (
        r"entrevista\b.{0,60}\b(?:agendada|programada|confirmada|invitaci[oó]n|convocatoria|citaci[oó]n)",
        r"(?:invitaci[oó]n|convocatoria|citaci[oó]n|confirmaci[oó]n|agenda|coordinaci[oó]n)\b.{0,60}\bentrevista",
    ),
    "invite_text": (
        # "Quedamos entonces el jueves 16 de octubre a las 10:00 hrs"
        r"quedamos\s+(?:entonces\s+|as[íi]\s+)?(?:el|para\s+el|a\s+las|en|ma[ñn]ana|hoy|este|esta)\b",
        # "Te mandé una invitación para el miércoles 5/11 a las 11 hs"
        r"(?:te|le)\s+(?:mand[eé]|envi[eé]|enviamos|mandamos|he\s+enviado|hemos\s+enviado)\s+(?:una|la)\s+"
        r"(?:invitaci[oó]n|convocatoria)",
        r"(?:me|nos)\s+encantar[ií]a\s+(?:conocerte|conocerle|conversar|charlar|hablar)",
        # "¿Puedes venir el jueves 11 a las 3:00 pm para una entrevista?"
        r"(?:puedes|podr[ií]as|puede|podr[ií]a|pueden)\s+(?:pasar|venir)\s+(?:por\s+la\s+tienda\s+)?"
        r"(?:el|este|esta|ma[ñn]ana|hoy|a\s+las)\b",
        # "¿Te vendría bien una videollamada el martes...?", "¿Te queda bien alguno de estos horarios?"
        r"(?:te|le|les|os)\s+(?:vendr[íi]a|queda|quedar[íi]a|acomoda|acomodar[íi]a)\s+(?:bien\s+)?"
        r"(?:una|un|el|la|alguno|alguna|algún)\b",
        r"alguno\s+de\s+estos\s+(?:horarios|d[íi]as|espacios)",
        # "Te esperamos el lunes 1 de diciembre, de 10:00 a 12:00"
        r"(?:te|le|los|las|os)\s+esperamos\s+(?:el|este|ma[ñn]ana|en)\b",
        rf"(?:te|le|los|las)\s+(?:queremos\s+|queríamos\s+|gustaría\s+)?invit(?:amos|o|ar)\s+a\s+{_W5}"
        r"(?:entrevista|conversaci[oó]n|charla|llamada|videollamada|reuni[oó]n)",
        r"agenda(?:r)?\s+(?:tu|su|una|la)\s+(?:\w+\s+){0,2}?entrevista",
        r"confirm(?:amos|o|ar)\s+(?:tu|su|la)\s+(?:\w+\s+){0,2}?entrevista",
        rf"(?:tu|su|la)\s+entrevista\s+{_W5}(?:ha\s+sido|est[aá]|queda|qued[oó])\s+(?:\w+\s+)?"
        r"(?:agendada|programada|confirmada|fijada)",
        r"(?:nos\s+)?gustar[ií]a\s+(?:conocerte|conocerle|conversar|hablar|platicar|tener una)",
        r"(?:queremos|quisi[eé]ramos)\s+(?:conocerte|conversar contigo|hablar contigo)",
        r"(?:cu[aá]l|qu[eé])\s+(?:es\s+)?(?:tu|su)\s+disponibilidad",
        r"(?:horarios?|d[ií]as?)\s+(?:disponibles|que\s+te\s+(?:vengan|queden|acomoden))",
        r"(?:te|le)\s+propon(?:emos|go)\s+(?:una|la|estas|estos|los siguientes|las siguientes|\w+\s+opciones)",
        r"(?:gustar[ií]a|encantar[ií]a)\s+(?:avanzar\s+con|agendar|coordinar|programar)\s+(?:una|la|tu|un)\b",
        r"te\s+agend[eé]",
        r"quedamos\s+agendados",
        r"(?:queda|quedamos)\s+(?:confirmad[oa]s?|agendad[oa]s?)\s+para",
        r"(?:cu[aá]l|qu[eé]\s+(?:d[ií]as?|horarios?)(?:\s+y\s+horarios?)?)\s+te\s+(?:queda|quedan|viene|vienen|acomoda)",
        r"elige\s+(?:un|el)\s+horario",
        r"reserva\s+(?:un|tu)\s+horario",
        r"(?:avanzar|pasar)\s+a\s+la\s+(?:siguiente|pr[oó]xima)\s+(?:etapa|fase)",
        # reply side: a time asked for or settled ("¿te viene bien el martes?", "te envío la convocatoria")
        r"(?:te|le)\s+(?:va|viene|vendr[ií]a|ir[ií]a)\s+bien\s+(?:el|la|este|esta|ma[ñn]ana|hoy|a\s+las)\b",
        r"(?:te|le)\s+(?:env[ií]o|mando|enviar[eé]|mandar[eé])\s+(?:ahora\s+|luego\s+)?(?:la|el)\s+"
        r"(?:convocatoria|invitaci[oó]n|enlace|link|meet|zoom|teams)\b",
    ),
    "reschedule_subject": (
        r"reprogramad[ao]",
        r"reprogramaci[oó]n",
        r"cambio de (?:fecha|hora|horario)",
        r"nueva (?:fecha|hora)",
        r"reagendad[ao]",
        r"reagendar",
    ),
    "reschedule_text": (
        # "Reprogramamos su visita para el jueves 30 de octubre, mismo horario"
        # ("reprogramar", the infinitive, is most often "si necesitas reprogramar": not a move)
        r"reprogram(?:amos|[ée]|ado|ada)\b",
        r"mismo\s+horario",
        rf"(?:reprogramar|reprogramamos|reagendar|reagendamos|mover|movemos|movimos|hemos\s+movido|cambiar|"
        rf"cambiamos|posponer|pospusimos|aplazar|aplazamos)\s+{_W3}(?:la\s+|tu\s+|nuestra\s+)?"
        r"(?:entrevista|llamada|reuni[oó]n|videollamada|charla)",
        r"cambiar\s+la\s+(?:fecha|hora)",
        r"(?:la\s+)?nueva\s+(?:fecha|hora)\s+(?:ser[ií]a|ser[aá]|es|queda)\b",
        r"nueva\s+(?:fecha|hora)\s*:",
        r"(?:ha\s+sido|fue|queda)\s+(?:reprogramada|reagendada|pospuesta|movida|trasladada)",
    ),
    "cancel_subject": (r"cancelad[ao]", r"cancelaci[oó]n", r"suspendid[ao]"),
    "cancel_text": (
        rf"(?:cancelar|cancelamos|anular|suspender)\s+{_W3}(?:la\s+|tu\s+|nuestra\s+)?"
        r"(?:entrevista|llamada|reuni[oó]n|videollamada)",
        r"(?:entrevista|llamada|reuni[oó]n)\s+(?:\w+\s+){0,6}?(?:ha\s+sido|fue|queda|qued[oó]|est[aá])\s+"
        r"(?:cancelada|anulada|suspendida)",
    ),
    "rejection": (
        r"(?:seguir|continuar|avanzar)\s+con\s+otras?\s+personas?\s+candidat[ao]s",
        r"lamentamos\s+(?:informarte|informarle|comunicarte|comunicarle|decirte)",
        r"(?:no|ya no)\s+(?:continuaremos|seguiremos|avanzaremos|vamos a (?:continuar|avanzar|seguir))",
        r"(?:seguir|continuar|avanzar)\s+con\s+otr[oa]s\s+(?:candidat[oa]s|perfiles|postulantes)",
        r"(?:decidimos|hemos decidido|ha decidido)\s+(?:no\s+(?:continuar|avanzar|seguir)|"
        r"(?:continuar|seguir)\s+(?:\w+\s+){0,2}?con\s+otr[oa]s)",
        # "Decidimos darle el puesto de encargado a una persona que ya trabajaba con nosotros"
        r"(?:decidimos|hemos\s+decidido)\s+(?:darle|dar|ofrecerle|ofrecer)\s+el\s+puesto\s+(?:[\w-]+\s+){0,4}?a\s+"
        r"(?:otra|una|un|alguien)\b",
        # "decidimos continuar con otra persona cuya experiencia...", "decidimos avanzar con una persona basada en..."
        r"(?:decidimos|hemos decidido|optamos por|elegimos)\s+(?:finalmente\s+)?(?:continuar|seguir|avanzar|quedarnos)"
        r"\s+con\s+(?:otr[oa]|una|un)\s+(?:persona|candidat[oa]|perfil|postulante)\b",
        r"(?:nuevo\s+)?estado\s*:\s*(?:descartad[oa]|no\s+seleccionad[oa]|finalizad[oa])",
        r"no\s+(?:has|ha)\s+sido\s+seleccionad[oa]",
        r"no\s+fuiste\s+seleccionad[oa]",
        r"(?:tu|su)\s+(?:candidatura|postulaci[oó]n)\s+no\s+(?:ha\s+)?(?:sido|fue)\s+seleccionada",
        r"(?:tu|su)\s+perfil\s+no\s+(?:se\s+ajusta|encaja|coincide)",
        r"no\s+(?:ha|has)\s+avanzado",
    ),
    "offer": (
        r"(?:hacerte|hacerle|presentarte|presentarle)\s+una\s+(?:oferta|propuesta)\s+(?:formal\s+)?(?:para|de)\b",
        r"carta\s+(?:de\s+)?oferta",
        r"oferta\s+(?:de\s+trabajo|de\s+empleo|laboral|formal)",
        r"(?:quiere|quieren|queremos)\s+incorporarte",
        r"te\s+resumo\s+la\s+oferta",
        r"(?:nos\s+complace|tenemos el gusto de|nos alegra)\s+(?:ofrecerte|ofrecerle|extenderte|hacerte)",
        # "queremos que te unas a Alboran Software como Customer Success Manager"
        r"(?:queremos|nos\s+encantar[ií]a|nos\s+gustar[ií]a)\s+que\s+te\s+(?:unas|incorpores|sumes)\s+a\s+"
        r"(?:[\w&.-]+\s+){1,4}?como\b",
    ),
    "offer_subject": (
        r"oferta\s+(?:de\s+trabajo|de\s+empleo|laboral|formal)",
        r"carta\s+(?:de\s+)?oferta",
        r"propuesta\s+de\s+(?:incorporaci[oó]n|contrataci[oó]n|empleo)",
    ),
    "pay": (
        r"salario\s+(?:bruto|base|mensual|anual)",
        r"sueldo\s+(?:bruto|base|mensual|anual)",
        r"(?:remuneraci[oó]n|compensaci[oó]n)\s+(?:bruta|total|mensual|anual)",
        r"bono\s+(?:anual|de firma)",
        r"aguinaldo",
        r"salario\s*:",
        r"brutos\s+anuales",
        r"bonus\s+(?:anual|por\s+objetivos)",
        r"prestaciones",
    ),
    "start": (r"fecha\s+de\s+(?:ingreso|inicio|incorporaci[oó]n)", r"incorporaci[oó]n\s+el\b"),
    "agreement": (
        r"contrato\s+indefinido",
        r"(?:tu|su|el)\s+contrato\s+(?:de\s+trabajo|laboral|indefinido)",
        r"firmar\s+(?:el|tu)\s+contrato",
    ),
    "ooo_subject": (r"respuesta autom[aá]tica", r"fuera de (?:la )?oficina", r"ausente", r"vacaciones"),
    "ooo_away": (
        r"(?:estoy|estar[eé]|me encuentro)\s+(?:\w+\s+)?(?:fuera de (?:la )?oficina|de vacaciones|ausente|"
        r"de licencia|de permiso)",
    ),
    "ooo_return": (
        r"(?:regreso|volver[eé]|estar[eé] de vuelta|de regreso)\s+el\b",
        r"a mi regreso",
        r"acceso limitado al correo",
    ),
    "ack": (
        r"(?:hemos\s+)?recibi(?:do|mos)\s+(?:correctamente\s+)?(?:tu|su)\s+(?:postulaci[oó]n|candidatura|cv|"
        r"curr[ií]culum|solicitud)",
        r"gracias\s+por\s+(?:postularte|postular|tu postulaci[oó]n|tu candidatura|aplicar)",
        r"(?:tu|su)\s+(?:postulaci[oó]n|candidatura)\s+(?:ha\s+sido|fue)\s+(?:recibida|enviada|registrada)",
        r"(?:est[aá]|se encuentra)\s+en\s+revisi[oó]n",
    ),
    # the candidate asked for days and times ("Quais dias e horários você teria disponíveis?")
    "asks": (
        r"(?:qu[ée]|cu[áa]les)\s+(?:d[íi]as?|horarios?)\s+(?:y\s+horarios?\s+)?(?:tienes|tiene|tendr[íi]as?|te\s+vendr[íi]an?|le\s+vendr[íi]an?)",
        r"(?:cu[áa]l|qu[ée])\s+es\s+(?:tu|su)\s+disponibilidad",
        r"(?:env[íi]a|m[áa]nda|ind[íi]ca)me\s+(?:tu|su)\s+disponibilidad",
    ),
    "process": (
        r"(?:pr[oó]ximos|siguientes)\s+pasos",
        r"(?:te|le)\s+(?:mantendremos|daremos)\s+(?:informad[oa]|noticias)",
    ),
    "non_employer": (
        r"episodio",
        r"periodista",
        r"reportaje",
        r"(?:entrevista|cita)\s+(?:consular|de visado|"
        r"de visa|en (?:el|la) (?:consulado|embajada))",
        r"entrevista\s+(?:para|en)\s+(?:el|la|nuestro|nuestra)\s+(?:peri[oó]dico|revista|programa|blog)",
    ),
    "negative_topic": (
        r"bolet[ií]n",
        r"seminario web",
        r"ofertas? (?:para ti|recomendadas)",
        r"empleos? (?:para ti|recomendados)",
        r"nuevas? ofertas?",
    ),
}

PORTUGUESE: dict[str, tuple[str, ...]] = {
    # what before a time makes it the arrival, not the interview (when.py)
    "arrival": (r"chegada", r"chegar", r"apresente-se", r"na recep[çc][ãa]o"),
    "interview": (
        r"entrevistas?",
        r"processo seletivo",
        r"etapa\s+(?:t[eé]cnica|final|com (?:o|a) gestor[a]?)",
        # "a última fase do processo" ("próxima etapa" is as often a test as a meeting)
        r"[úu]ltima\s+(?:fase|etapa)",
        r"fase\s+final",
        # the first conversation is the screen: "Re: Jabuticaba Cloud – conversa inicial"
        r"(?:conversa|bate-papo|chamada)\s+inicial",
        r"primeira\s+conversa",
    ),
    "hiring": (
        r"candidat[oa]s?",
        r"candidatura",
        r"vagas?",
        r"cargo",
        r"recrutamento",
        r"recrutador[a]?",
        r"sele[çc][ãa]o",
        r"curr[ií]culo",
        r"contrata[çc][ãa]o",
        r"recursos humanos",
        r"talentos",
        r"proposta",
    ),
    "meeting": (r"entrevistas?", r"conversa", r"bate-papo", r"chamada", r"videochamada", r"reuni[ãa]o"),
    "session": (
        r"entrevistas?",
        r"conversa",
        r"chamada",
        r"reuni[ãa]o",
        r"sess[ãa]o",
        r"grava[çc][ãa]o",
        r"agendamento",
    ),
    "invite_subject": (
        r"entrevista\b.{0,60}\b(?:agendada|marcada|confirmada|convite|convoca[çc][ãa]o)",
        r"(?:convite|convoca[çc][ãa]o|confirma[çc][ãa]o|agendamento)\b.{0,60}\bentrevista",
    ),
    "invite_text": (
        # "Queremos te receber presencialmente ... segunda, 13/04, das 10h às 13h"; "te esperamos na sexta"
        r"(?:queremos|gostar[íi]amos\s+de)\s+(?:te\s+|lhe\s+)?receb[êe]-?(?:lo|la)?\w*",
        r"(?:te|lhe|os|as)\s+esperamos\s+(?:na|no|em|amanh[ãa])\b",
        rf"(?:te|o|a|lhe|vos)?\s*convid(?:amos|ar|[áa]-lo|[áa]-la)\s+(?:\w+\s+)?(?:para|a)\s+{_W5}"
        r"(?:entrevista|conversa|bate-papo|chamada|videochamada|reuni[ãa]o|etapa|fase)",
        r"gostar[ií]amos\s+de\s+(?:conversar|conhecer|bater um papo|agendar|marcar|te conhecer|falar)",
        r"(?:agendar|marcar)\s+(?:a\s+|uma\s+|sua\s+|nossa\s+)?(?:\w+\s+){0,2}?(?:entrevista|conversa|chamada|reuni[ãa]o)",
        r"confirm(?:amos|ar|ando|o)\s+(?:a\s+)?(?:sua\s+)?(?:\w+\s+){0,2}?entrevista",
        rf"(?:sua|a)\s+entrevista\s+{_W5}(?:foi|est[áa]|ficou)\s+(?:\w+\s+)?(?:agendada|marcada|confirmada)",
        r"(?:qual|quais)\s+(?:a\s+|os\s+)?(?:sua\s+|seus\s+)?(?:disponibilidade|hor[áa]rios)",
        r"escolha\s+(?:um|o)\s+hor[áa]rio",
        r"hor[áa]rios\s+dispon[íi]veis",
        r"(?:avan[çc]ar|seguir)\s+para\s+a\s+(?:pr[óo]xima|seguinte)\s+etapa",
        # reply side: slots offered, a time asked for or settled
        r"temos\s+(?:dois|duas|tr[êe]s|alguns|algumas)\s+(?:hor[áa]rios|op[çc][õo]es)",
        r"(?:qual|que\s+hor[áa]rio)\s+(?:voc[êe]\s+)?prefere",
        r"(?:(?:te|lhe)\s+)?(?:mando|envio|mandarei|enviarei)\s+(?:agora\s+|j[áa]\s+)?o\s+(?:link|convite)\b",
        # "Marquei uma conversa inicial de 30 minutos na quinta-feira"
        r"(?:marquei|agendei|marcamos|agendamos)\s+(?:uma|a|um|o|sua|nossa)\s+(?:\w+\s+){0,2}?"
        r"(?:conversa|entrevista|chamada|reuni[ãa]o|bate-papo|call)",
        r"adoraria\s+(?:conversar|te\s+conhecer|bater\s+um\s+papo)",
    ),
    "reschedule_subject": (
        r"reagendad[ao]",
        r"reagendamento",
        r"remarcad[ao]",
        r"nova data",
        r"novo hor[áa]rio",
        r"mudan[çc]a de (?:data|hor[áa]rio)",
    ),
    "reschedule_text": (
        r"(?:remarcar|remarcamos|reagendar|reagendamos)\s+para\b",
        rf"(?:reagendar|reagendamos|remarcar|remarcamos|mudar|mudamos|alterar|alteramos|adiar|adiamos|transferir)\s+{_W3}(?:a\s+|sua\s+|nossa\s+)?"
        r"(?:entrevista|conversa|chamada|reuni[ãa]o)",
        r"(?:nova|a nova)\s+data\s+(?:ser[áa]|seria|[ée]|fica)\b",
        r"(?:nova data|novo hor[áa]rio)\s*:",
        r"(?:foi|ficou)\s+(?:reagendada|remarcada|adiada|transferida)",
    ),
    "cancel_subject": (r"cancelad[ao]", r"cancelamento"),
    "cancel_text": (
        rf"(?:cancelar|cancelamos|cancelaremos)\s+{_W3}(?:a\s+|sua\s+|nossa\s+)?"
        r"(?:entrevista|conversa|chamada|reuni[ãa]o)",
        r"(?:entrevista|conversa|chamada|reuni[ãa]o)\s+(?:\w+\s+){0,6}?(?:foi|est[áa]|ficou)\s+cancelada",
    ),
    "rejection": (
        # "decidimos seguir com outras pessoas candidatas"
        r"(?:seguir|continuar|avan[çc]ar)\s+com\s+outr[ao]s\s+(?:pessoas\s+)?(?:candidat[ao]s|perfis)",
        r"(?:seguir|continuar|avan[çc]ar|prosseguir)\s+com\s+outra\s+pessoa",
        r"infelizmente,?\s+(?:\w+\s+){0,6}?n[ãa]o\s+"
        r"(?:seguiremos|foi poss[íi]vel|avan[çc]\w*|ser[áa]|daremos|prossegu\w*)",
        r"lamentamos\s+informar",
        r"n[ãa]o\s+(?:seguiremos|vamos seguir|daremos continuidade|"
        r"avan[çc]aremos|prosseguiremos)",
        r"(?:seguir|prosseguir|avan[çc]ar)\s+com\s+outr[oa]s\s+(?:candidat[oa]s|perfis)",
        r"n[ãa]o\s+foi\s+selecionad[oa]",
        r"candidatura\s+n[ãa]o\s+(?:foi\s+)?selecionada",
        r"n[ãa]o\s+(?:foi|ser[áa])\s+poss[íi]vel\s+(?:seguir|avan[çc]ar|dar continuidade)",
        r"(?:optamos|decidimos)\s+por\s+(?:n[ãa]o\s+)?(?:seguir|prosseguir|avan[çc]ar)\s+com\s+outr[oa]s",
    ),
    "offer": (
        # "Estamos muito felizes em te fazer uma proposta para a posição de ..."
        r"(?:te|lhe)\s+fazer\s+uma\s+proposta\s+(?:para|de)\b",
        r"proposta\s+(?:de\s+emprego|de\s+trabalho|formal|salarial)",
        r"carta[- ]oferta",
        r"(?:enviamos|apresentamos)\s+(?:a\s+)?(?:sua\s+|nossa\s+)?proposta\s+(?:para|de)",
        r"(?:temos o prazer|[ée] com (?:grande )?(?:prazer|alegria))\s+(?:de\s+|em\s+)?(?:oferecer|apresentar|fazer)",
    ),
    "offer_subject": (r"proposta\s+(?:de\s+emprego|de\s+trabalho|formal)", r"carta[- ]oferta"),
    "pay": (
        r"sal[áa]rio\s+(?:base|bruto|mensal|anual)",
        r"remunera[çc][ãa]o\s+(?:mensal|anual|bruta|total)",
        r"vale[- ](?:refei[çc][ãa]o|alimenta[çc][ãa]o|transporte)",
        r"plano de sa[úu]de",
        r"b[ôo]nus",
        r"plr",
        r"13[ºo°]\s*sal[áa]rio",
        r"sal[áa]rio\s*:",
        r"regime\s*:\s*clt",
    ),
    "start": (r"data\s+de\s+(?:in[íi]cio|admiss[ãa]o|ingresso)", r"in[íi]cio\s+previsto"),
    "agreement": (r"(?:seu|o)\s+contrato\s+(?:de\s+trabalho|clt|pj)", r"assinar\s+o\s+contrato", r"regime\s+clt"),
    "ooo_subject": (r"resposta autom[áa]tica", r"aus[êe]ncia", r"fora do escrit[óo]rio", r"f[ée]rias", r"ausente"),
    "ooo_away": (
        r"(?:estou|estarei|me encontro)\s+(?:\w+\s+)?(?:fora do escrit[óo]rio|de f[ée]rias|ausente|de licen[çc]a|"
        r"em f[ée]rias)",
    ),
    "ooo_return": (
        r"(?:retorno|retornarei|volto|voltarei)\s+(?:no dia|em|a partir)\b",
        r"ap[óo]s o meu retorno",
        r"acesso limitado (?:ao|aos) e-?mails?",
    ),
    "ack": (
        r"recebemos\s+(?:a\s+)?(?:sua|tua)\s+(?:candidatura|inscri[çc][ãa]o|curr[íi]culo)",
        r"(?:sua|tua)\s+(?:candidatura|inscri[çc][ãa]o)\s+(?:foi|est[áa])\s+(?:recebida|enviada|realizada|registrada|"
        r"confirmada|em an[áa]lise)",
        r"obrigad[oa]\s+por\s+(?:se\s+candidatar|sua candidatura|se inscrever)",
        r"(?:est[áa]|segue)\s+em\s+an[áa]lise",
    ),
    # the candidate asked for days and times ("Quais dias e horários você teria disponíveis?")
    "asks": (
        r"(?:quais|que)\s+(?:dias?|hor[áa]rios?)\s+(?:e\s+hor[áa]rios?\s+)?(?:voc[êe]\s+|tu\s+)?(?:teria|tem|tens|terias)\s+(?:livres?\s+|dispon[íi]ve(?:l|is))",
        r"(?:me\s+(?:diga|envie|mande|manda|diz))\s+(?:a\s+)?(?:sua|tua)\s+disponibilidade",
    ),
    "process": (r"pr[óo]ximos\s+passos", r"(?:vamos|iremos)\s+(?:te\s+)?(?:manter|dar)\s+(?:informad[oa]|retorno)"),
    "non_employer": (
        r"epis[óo]dio",
        r"jornalista",
        r"reportagem",
        r"entrevista\s+(?:consular|no consulado|"
        r"na embaixada|de visto)",
        r"entrevista\s+(?:para|no|na)\s+(?:o|a|nosso|nossa)?\s*(?:jornal|revista|programa|blog|canal)",
    ),
    "negative_topic": (r"vagas?\s+(?:para voc[êe]|recomendadas)", r"novas vagas", r"boletim"),
}

#: German of Germany, Austria and Switzerland; Swiss German writes "ss" for "ß" and mail typed
#: without umlauts "ae", "oe", "ue" (accent_tolerant accepts both)
_GESPRAECH = r"(?:vorstellungs|bewerbungs|kennenlern|erst|zweit|auswahl|abschluss|fach|interview)gespräch(?:e|s|en)?"
GERMAN: dict[str, tuple[str, ...]] = {
    # what before a time makes it the arrival, not the interview (when.py)
    "arrival": (r"ankunft", r"melden sie sich", r"am empfang", r"einfinden", r"einlass"),
    "interview": (
        # "zum finalen Gespräch", "ein erstes Gespräch"
        r"(?:finale[nms]?|erste[nms]?|zweite[nms]?|abschließende[nms]?)\s+gespräch",
        _GESPRAECH,
        r"vorstellungstermin",
        r"assessment[- ]?cent(?:er|re)",
        r"auswahltag",
        r"auswahlrunde",
        r"auswahlverfahren",
        # "in der nächsten Runde", "Fallstudien-Präsentation", "Telefoninterview"
        r"(?:nächste|zweite|dritte|finale|letzte)[nr]?\s+runde",
        r"fallstudie\w*",
        r"(?:telefon|video|online)interview\w*",
        r"vor[- ]ort[- ](?:tag|termin|gespräch)\w*",
    ),
    "hiring": (
        r"arbeitszeugnis\w*",
        r"bewerbungsunterlagen",
        r"lebenslauf",
        r"bewerbung(?:en)?",
        r"bewerber(?:in|innen)?",
        r"kandidat(?:in|innen|en)?",
        r"kandidatur",
        r"stellen?",
        r"personalabteilung",
        r"personalberatung",
        r"personaldienst",
        r"lebenslauf",
        r"unser(?:e|er)?\s+mandant(?:in)?",
        r"mandat",
        r"stellenausschreibung",
        r"(?:lohn|gehalts)vorstellung(?:en)?",
        r"kündigungsfrist",
        r"personalberater(?:in)?",
    ),
    "meeting": (r"gespräch", _GESPRAECH, r"telefonat", r"videocall", r"videotelefonat", r"kennenlernen", r"termin"),
    "session": (r"gespräch", _GESPRAECH, r"telefonat", r"termin", r"sitzung", r"aufnahme"),
    "invite_subject": (
        rf"einladung\s+(?:zu[mr]?\s+)?(?:einem\s+|ersten\s+|zweiten\s+)?{_GESPRAECH}",
        r"einladung\s+(?:zu[mr]?\s+)?(?:assessment|auswahltag)",
        rf"terminvorschl(?:a|ä)ge?\b.{{0,60}}{_GESPRAECH}",
        r"einladung\s+zu[mr]?\s+(?:\w+\s+)?(?:telefon|video|online)?interview\w*",
    ),
    "invite_text": (
        # fixed: "dann fixieren wir Mittwoch, 24.09. um 15:30 Uhr"
        r"(?:fixieren|fixiere|notieren|blocken|buchen)\s+(?:wir|ich)\b",
        # "möchten Sie gerne zu einem ersten Gespräch (ca. 45 Minuten) einladen"
        r"(?:möchten|würden|wollen)\s+(?:wir\s+)?(?:sie|dich|euch)\s+(?:sehr\s+)?(?:gerne?\s+)?zu\s+(?:einem|einer|unserem|unserer)\s+"
        r"(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,80}?einladen",
        r"mögliche\s+termine|termine?\s+(?:nennen|vorschlagen|mitteilen)",
        # "Gerne bestätigen wir Donnerstag, 22.01.2026, um 10:00 Uhr"
        r"(?:bestätige|bestätigen)\s+(?:ich|wir)\s+(?:ihnen\s+|dir\s+)?(?:gerne\s+)?(?:\w+tag|den|die|das|am)\b",
        # the informal du: "Ich würde dich gern ... kennenlernen", "Passt dir Montag, der 2. Februar, um 11 Uhr?"
        r"(?:würde|möchte|würden|möchten)\s+(?:ich|wir)\s+(?:dich|euch)\s+(?:gerne?\s+)?(?:[^.!?\n]{0,60}?)kennenlernen",
        r"passt\s+(?:dir|euch)\s+(?:der|die|das|am|ein|eine|\w+tag)\b",
        rf"(?:laden|lade)\s+(?:wir\s+|ich\s+)?(?:sie|dich|euch)\s+{_W5}(?:zu[mr]?\s+){_W3}"
        rf"(?:{_GESPRAECH}|gespräch|telefonat|videocall|kennenlernen|assessment|auswahltag)",
        r"(?:(?:möchten|würden|wollen)\s+(?:wir|ich)|(?:wir|ich)\s+(?:möchten|würden|wollen|möchte|würde))\s+sie\s+"
        r"(?:\w+\s+){0,3}?kennenlernen",
        r"(?:lerne|lernen)\s+(?:wir|ich)\s+sie\s+(?:gerne\s+)?(?:persönlich\s+)?kennen",
        r"(?:würden|würde|möchten|möchte)\s+(?:wir|ich)\s+(?:\w+\s+){0,3}?(?:ein|ein\s+erstes|ein\s+kurzes)\s+"
        r"(?:\w+\s+)?(?:gespräch|telefonat)\s+(?:\([^)]{0,60}\)\s+)?(?:mit\s+ihnen\s+)?(?:führen|vereinbaren)",
        r"folgende\s+termine\s+(?:\w+\s+){0,4}?anbieten",
        r"(?:welcher|welche)\s+(?:termin|zeit|option)\w*\s+(?:ihnen\s+|dir\s+|euch\s+)?(?:am\s+besten\s+)?passt",
        r"passt\s+ihnen\s+(?:der|die|das|am|ein|eine|\w+tag)\b",
        r"hätten\s+sie\s+(?:\w+\s+){0,3}?zeit\s+für\s+(?:ein|einen|eine)\b",
        r"(?:bestätige|bestätigen)\s+(?:ich|wir)?\s*(?:ihnen\s+)?(?:hiermit\s+)?(?:gerne\s+)?den\s+termin",
        r"(?:der|ihr)\s+termin\s+(?:ist|wäre)\s+(?:hiermit\s+)?(?:notiert|bestätigt|fixiert|eingetragen)",
        # a dotted clock may stand between: "dann halten wir Donnerstag, 16.30 Uhr fest"
        r"(?:halten|halte)\s+(?:wir|ich)\s+(?:[^.!?\n]|(?<=\d)\.(?=[\d,\s])){0,60}?\bfest\b",
        r"(?:zweite|nächste|letzte|finale)\s+(?:und\s+letzte\s+)?auswahlrunde\s+berücksichtigt",
        r"zu\s+einem\s+(?:ersten\s+|zweiten\s+)?(?:erstgespräch|gespräch|kennenlernen)\s+ein\b",
        r"(?:(?:rufe|rufen)\s+(?:ich|wir)|(?:ich|wir)\s+(?:rufe|rufen))\s+sie\s+[^.!?\n]{0,100}?\ban\b",
    ),
    "reschedule_subject": (
        r"terminverschiebung",
        r"neuer\s+termin",
        r"terminverschiebung",
        r"neuer\s+termin",
        r"termin\s+verschoben",
        r"verschiebung",
    ),
    "reschedule_text": (
        # "Brennwald schlägt stattdessen Freitag, 26.09.2025, 11:00 Uhr vor"
        r"(?:schlägt|schlagen|schlage)\s+(?:\w+\s+)?stattdessen\b",
        rf"(?:gespräch|termin|{_GESPRAECH}|telefonat)\s+(?:\w+\s+){{0,6}}?(?:verschieben|verlegen)",
        r"(?:verschieben|verlegen)\s+(?:wir|ich)\s+(?:das|den|unser|unseren|ihr|ihren)\s+(?:\w+\s+){0,2}?"
        r"(?:gespräch|termin|telefonat)",
        r"(?:wurde|ist|wird)\s+(?:\w+\s+){0,2}?(?:auf\s+(?:\w+\s+){0,6}?)?verschoben",
        r"neuer\s+termin\s*(?:ist|wäre|:)",
    ),
    "cancel_subject": (
        r"abgesagt",
        r"absage\s+(?:des\s+|unseres\s+)?(?:termins?|gesprächs?|telefonats?)",
        r"fällt\s+aus",
    ),
    "cancel_text": (
        rf"(?:gespräch|termin|{_GESPRAECH}|telefonat)\s+(?:\w+\s+){{0,12}}?(?:[\d.,:–-]+\s+){{0,6}}?(?:uhr,?\s+)?"
        r"(?:absagen|abgesagt|streichen|gestrichen)",
        r"(?:gespräch|termin|telefonat)\s+(?:\w+\s+){0,6}?fällt\s+(?:\w+\s+)?aus",
        r"(?:müssen|muss)\s+(?:wir|ich)\s+(?:leider\s+)?(?:das|den|unser|unseren|ihr|ihren)\s+"
        r"(?:gespräch|termin|telefonat)[^!?\n]{0,160}?\babsagen",
    ),
    "rejection": (
        r"(?:nicht\s+(?:weiter|länger)\s+berücksichtigen|nicht\s+berücksichtigt\s+werden)",
        r"(?:uns|sich)\s+(?:\w+\s+){0,4}?für\s+(?:eine?n?\s+)?(?:andere[nr]?\s+)?(?:kandidat(?:in|en|innen)?|"
        r"kandidatur|bewerber(?:in)?|bewerbung)\s+(?:\w+\s+){0,3}?entschieden",
        r"leider\s+(?:\w+\s+){0,4}?keine\s+guten\s+nachrichten",
        r"leider\s+(?:\w+\s+){0,5}?(?:absage|nicht\s+(?:berücksichtigen|weiterverfolgen|in\s+die\s+engere\s+wahl))",
        r"(?:ihre\s+)?bewerbung\s+(?:\w+\s+){0,4}?nicht\s+(?:weiter\s+)?(?:berücksichtigen|weiterverfolgen)",
        # "uns am Ende aber für eine Person entschieden, die ...", "den Prozess mit anderen Kandidaten fortzusetzen"
        r"(?:uns|sich)\s+(?:\w+\s+){0,4}?für\s+(?:eine?n?\s+)?(?:andere[nr]?\s+)?(?:person|profil)\s*,?\s+(?:\w+\s+){0,3}?entschieden",
        r"(?:uns|sich)\s+(?:\w+\s+){0,4}?für\s+(?:eine?n?\s+)?(?:andere[nr]?\s+)?(?:person|profil)\s+entschieden",
        r"mit\s+anderen\s+(?:kandidat|bewerber)\w*(?:\s+und\s+(?:kandidat|bewerber)\w*)?\s+(?:fortzusetzen|fortsetzen|weiterzuführen)",
        r"bedauern,?\s+(?:ihnen|dir)\s+keine\s+(?:positivere|bessere|andere)\s+nachricht",
    ),
    "offer": (
        # "Ihnen ... die Position als Data Engineer anbieten zu können"
        r"(?:ihnen|dir)\s+(?:[^.!?\n]{0,80}?)(?:position|stelle|funktion)\s+(?:[^.!?\n]{0,60}?)anbieten",
        r"vertragsangebot",
        r"arbeitsvertragsangebot",
        r"(?:ihnen|dir)\s+(?:\w+\s+){0,8}?die\s+(?:stelle|position)\s+(?:\w+\s+){0,6}?anzubieten",
        r"(?:freut|freuen)\s+(?:es\s+)?(?:mich|uns)\s+(?:\w+\s+){0,3}?ihnen\s+(?:\w+\s+){0,3}?(?:ein\s+)?"
        r"(?:vertragsangebot|angebot|stellenangebot)",
        r"(?:unser|ein)\s+(?:verbindliches\s+|offizielles\s+)?stellenangebot\s+(?:für|als|zu)\b",
    ),
    "offer_subject": (
        r"dienstvertrag",
        r"vertragsangebot", r"arbeitsvertragsangebot", r"angebot\s+arbeitsvertrag"),
    "pay": (
        r"jahresbruttolohn",
        r"jahresbruttogehalt",
        r"bruttojahresgehalt",
        r"(?:jahres|monats|brutto|grund)gehalt",
        r"gehalt\s*:",
        r"lohn\s*:",
        r"13\.\s+monatslohn",
        r"variable\s+vergütung",
    ),
    "start": (r"eintrittsdatum", r"eintritt\s*(?::|per|am)", r"stellenantritt", r"(?:vertrags|arbeits)?beginn(?=\s*:)"),
    "agreement": (r"arbeitsvertrag(?:s|es)?", r"den\s+vertrag\s+(?:erhalten|unterschreiben|unterzeichnen)",
                  r"vertragsentwurf"),
    "ooo_subject": (
        r"abwesenheitsnotiz",
        r"abwesend",
        r"automatische\s+antwort",
        r"nicht\s+im\s+büro",
        r"ferienabwesenheit",
    ),
    "ooo_away": (
        r"(?:bin|befinde\s+mich)\s+(?:\w+\s+){0,6}?(?:nicht\s+im\s+büro|im\s+urlaub|in\s+den\s+ferien|abwesend|"
        r"ausser\s+haus|außer\s+haus)",
    ),
    "ooo_return": (
        r"ab\s+(?:dem\s+)?(?:\w+\s+){0,3}?[\d.]*\s*(?:\w+\s+)?wieder\s+(?:erreichbar|im\s+büro|für\s+sie\s+da)",
        r"nach\s+meiner\s+rückkehr",
        r"(?:eingeschränkt|keinen\s+zugriff)\s+(?:auf\s+)?(?:meine\s+)?e-?mails",
    ),
    "ack": (
        r"(?:vielen\s+dank|danke)\s+für\s+ihre\s+bewerbung",
        r"ihre\s+bewerbung\s+(?:ist\s+)?(?:\w+\s+)?(?:eingegangen|erhalten)",
        r"(?:haben|wir)\s+(?:ihre\s+)?bewerbung\s+(?:\w+\s+)?erhalten",
    ),
    # the candidate asked for days and times ("Quais dias e horários você teria disponíveis?")
    "asks": (
        r"wann\s+(?:h[äa]tten\s+sie|hast\s+du|passt\s+es\s+(?:ihnen|dir))",
        r"(?:ihre|deine)\s+verf[üu]gbarkeit(?:en)?",
        r"(?:nennen|schicken|senden)\s+sie\s+(?:mir|uns)\s+(?:gerne\s+)?(?:ein\s+paar\s+|einige\s+)?(?:termine|terminvorschl[äa]ge|zeitfenster)",
    ),
    "process": (
        r"nächsten\s+schritte",
        r"(?:melden|informieren)\s+(?:uns|wir)\s+(?:\w+\s+){0,4}?(?:bei\s+ihnen|sie)\b",
        # a reply after a conversation: "du hörst spätestens Mitte nächster Woche von uns"
        r"(?:du\s+hörst|sie\s+hören|ihr\s+hört)\s+(?:\w+\s+){0,4}?von\s+uns",
        r"(?:stimmen|sprechen)\s+uns\s+(?:\w+\s+){0,2}?ab",
        r"(?:angenehme|gute|tolle|nette)[ns]?\s+gespräch",
    ),
    "non_employer": (
        r"journalist(?:in)?",
        r"redaktion",
        r"zeitung",
        r"zeitschrift",
        r"(?:arzt|zahnarzt|praxis|bürgeramt|bürgerbüro|einwohneramt|kfz-zulassung|botschaft|konsulat)\w{0,12}",
        r"visumsantrag",
        r"terminbestätigung\s+(?:ihrer|ihres)\s+(?:behandlung|untersuchung)",
    ),
    "negative_topic": (r"jobletter", r"stellenangebote\s+für\s+sie", r"passende\s+jobs", r"neue\s+jobs"),
}

FRENCH: dict[str, tuple[str, ...]] = {
    # what before a time makes it the arrival, not the interview (when.py)
    "arrival": (r"pr[ée]sentez-vous", r"vous pr[ée]senter", r"à l['’]accueil", r"arriv[ée]e"),
    # "entretien" is also upkeep and a press interview: non_employer below keeps those out;
    # Québec says "entrevue"
    "interview": (
        r"(?:session|séance)\s+de\s+pair[- ]programming",
        r"entretiens?\s+(?:d['’]\s?embauche|de\s+recrutement|t[ée]l[ée]phonique|technique|individuel|final|vid[ée]o)",
        r"entrevues?",
        r"entretiens?",
        r"processus\s+de\s+(?:recrutement|s[ée]lection)",
        r"convocation",
    ),
    "hiring": (
        r"candidat(?:e|s|es)?",
        r"candidature",
        r"postes?",
        r"recrutement",
        r"recruteur",
        r"recruteuse",
        r"embauche",
        r"cv",
        r"ressources humaines",
        r"rh",
        r"talents",
        r"notre client",
        r"chasseur de t[êe]tes",
        r"mandat",
    ),
    "meeting": (
        r"échange",
        r"rencontre",
        r"entretiens?",
        r"entrevues?",
        r"[ée]change",
        r"appel",
        r"rencontre",
        r"r[ée]union",
        r"visioconf[ée]rence",
    ),
    "session": (
        r"entretiens?",
        r"entrevues?",
        r"appel",
        r"rencontre",
        r"r[ée]union",
        r"rendez-vous",
        r"s[ée]ance",
        r"enregistrement",
    ),
    "invite_subject": (
        r"(?:entretien|entrevue)\b.{0,60}\b(?:confirm[ée]e?|planifi[ée]e?|programm[ée]e?|pr[ée]vue?|invitation|convocation)",
        r"(?:invitation|convocation|confirmation|planification)\b.{0,60}\b(?:entretien|entrevue)",
        r"convocation",
    ),
    "invite_text": (
        # "nous avons le plaisir de vous proposer un premier entretien", "je te propose le mercredi 5
        # novembre à 17h", "je vous propose qu'on échange mercredi"
        r"(?:vous|te)\s+propos(?:er|ons|e)\s+(?:un|une|qu['’]on|le|la|de)\b",
        r"(?:vous\s+êtes|tu\s+es)\s+invitée?s?\s+à\b",
        r"(?:vous|te)\s+inviter\s+à\s+l['’]étape",
        r"voici\s+l['’]invitation",
        r"(?:je|nous)\s+(?:vous|t['’])\s*appel(?:le|lerai|lons|lerons)\b",
        r"(?:on|nous)\s+a(?:vons)?\s+bloqué\b",
        r"(?:aimerions|souhaitons|voudrions|souhaiterions)\s+(?:vous|te)\s+rencontrer",
        r"(?:voici|ci-dessous)\s+(?:nos|mes)\s+disponibilités",
        rf"(?:vous|te)\s+(?:inviter|invitons|invite|convier|convions|proposer|proposons)\s+(?:\w+\s+)?"
        rf"(?:(?:[àa]|pour)\s+)?{_W5}(?:l['’]\s?)?(?:entretien|entrevue|[ée]change|appel|rencontre|visioconf[ée]rence)",
        r"(?:souhaite|souhaiterait|aimerait|voudrait|aimerions|souhaitons)\s+vous\s+(?:revoir|rencontrer|recevoir)",
        r"(?:me|nous)\s+confirmer\s+votre\s+pr[ée]sence",
        r"cr[ée]neaux\s+(?:sont\s+)?(?:possibles|disponibles|propos[ée]s|suivants)",
        r"(?:nous\s+)?(?:aimerions|souhaiterions|souhaitons|voudrions|aimerait|souhaiterait)\s+(?:beaucoup\s+)?"
        r"(?:vous\s+rencontrer|vous\s+recevoir|[ée]changer\s+avec\s+vous|vous\s+parler|vous\s+convier|"
        r"planifier|organiser|fixer|convenir)",
        r"(?:planifier|organiser|fixer|programmer|convenir\s+d['’]\s?)\s*(?:un|une|votre|le|la)\s+(?:\w+\s+){0,2}?"
        r"(?:entretien|entrevue|rencontre|appel|[ée]change)",
        r"confirm(?:ons|e|er)\s+(?:votre|ton|l['’]\s?|notre)\s*(?:\w+\s+){0,2}?(?:entretien|entrevue|rencontre)",
        rf"(?:votre|l['’]\s?)\s*(?:entretien|entrevue)\s+{_W5}(?:est|a\s+[ée]t[ée])\s+(?:\w+\s+)?"
        r"(?:confirm[ée]e?|planifi[ée]e?|programm[ée]e?|fix[ée]e?|pr[ée]vue?)",
        r"je\s+vous\s+propose\s+(?:un|une|le|la|les|de|deux|trois|quelques|ces|plusieurs)\b",
        r"nous\s+vous\s+proposons\s+(?:un|une|le|la|les|de|deux|trois|quelques|ces|plusieurs)\b",
        r"seriez-vous\s+disponible",
        r"(?:[êe]tes-vous|serez-vous)\s+disponible",
        r"(?:vos|tes)\s+disponibilit[ée]s",
        r"quelles?\s+(?:sont\s+)?(?:vos|tes)\s+disponibilit[ée]s",
        r"c['’]\s?est\s+not[ée]\s+pour",
        r"(?:choisir|r[ée]server)\s+(?:un|votre)\s+cr[ée]neau",
        r"(?:passer|avancer)\s+[àa]\s+la\s+(?:prochaine|suivante)\s+[ée]tape",
        r"(?:vous|te)\s+convoqu(?:ons|er)\b",
        r"(?:je\s+vous\s+)?(?:envoie|enverrai|transmets)\s+(?:l['’]\s?|le\s+lien|une\s+)\s*(?:invitation|lien)",
    ),
    "reschedule_subject": (
        r"modification\s+de\s+(?:votre|ta|l['’])",
        r"report(?:[ée]e?)?",
        r"nouvelle\s+(?:date|heure)",
        r"changement\s+d['’]\s?(?:horaire|heure|date)",
        r"changement\s+de\s+(?:date|cr[ée]neau)",
        r"d[ée]plac[ée]e?",
    ),
    "reschedule_text": (
        # "L'entrevue est donc déplacée au jeudi 11 septembre à 10 h"
        r"(?:entretien|entrevue|rencontre)\s+(?:est\s+)?(?:donc\s+)?(?:déplacée?|reportée?|décalée?)\s+(?:au|à)",
        r"(?:devons|dois|devoir)\s+déplacer\s+(?:notre|votre|ton|la|le|l['’])",
        r"(?:avons|ai)\s+(?:donc\s+|d[ûu]\s+)?(?:d[ée]plac[ée]|report[ée]|d[ée]cal[ée])\s+(?:votre|notre|l['’]\s?|cet|cette)",
        rf"(?:reporter|reportons|d[ée]placer|d[ée]pla[çc]ons|d[ée]caler|d[ée]calons|d[ée]caler)\s+{_W3}"
        r"(?:l['’]\s?|votre\s+|notre\s+|cet\s+|cette\s+)?(?:entretien|entrevue|appel|rencontre|r[ée]union|[ée]change)",
        r"(?:entretien|entrevue|appel|rencontre)\s+(?:\w+\s+){0,6}?(?:est|a\s+[ée]t[ée])\s+(?:report[ée]e?|d[ée]plac[ée]e?|d[ée]cal[ée]e?)",
        r"(?:la\s+)?nouvelle\s+(?:date|heure)\s+(?:sera|serait|est)\b",
        r"nouvelle\s+(?:date|heure)\s*:",
        r"(?:[àa]\s+la\s+)?m[êe]me\s+heure",
    ),
    "cancel_subject": (r"annul[ée]e?", r"annulation"),
    "cancel_text": (
        r"(?:dois|devons)\s+annuler\s+(?:notre|votre|ton|l['’]|le|la)",
        rf"(?:annuler|annulons|annule)\s+{_W3}(?:l['’]\s?|votre\s+|notre\s+|cet\s+|cette\s+)?"
        r"(?:entretien|entrevue|appel|rencontre|r[ée]union)",
        r"(?:entretien|entrevue|appel|rencontre|r[ée]union)\s+(?:[\w'’]+\s+){0,8}?(?:est|a\s+[ée]t[ée])\s+"
        r"(?:donc\s+)?annul[ée]e?",
    ),
    "rejection": (
        # "le choix du jury s'est porté sur une autre candidate", "nous avons retenu une candidature qui
        # correspond davantage", "le Groupe a fait le choix d'une mobilité interne"
        r"choix\s+(?:\w+\s+){0,3}?s['’]est\s+port[ée]\s+sur\s+(?:une?\s+)?(?:autre|d['’]autres)\s+(?:candidat|profil)\w*",
        r"(?:avons|a)\s+retenu\s+(?:une|un|d['’]autres)\s+(?:autre\s+)?(?:candidature|candidat|profil)\w*\s+(?:qui\s+)?"
        r"(?:correspond|répond)\w*\s+(?:davantage|mieux|plus)",
        r"fait\s+le\s+choix\s+d['’](?:une?\s+)?(?:mobilit[ée]\s+interne|autre\s+(?:candidat|profil)\w*)",
        # "votre profil n'a pas été retenu", "poursuivre avec une autre candidature"
        r"n['’](?:a|ont)\s+pas\s+été\s+retenue?s?",
        r"poursuivre\s+avec\s+une?\s+autre\s+(?:candidature|candidate?|profil)",
        r"au\s+regret\s+de\s+vous\s+informer",
        r"nous\s+avons\s+le\s+regret",
        r"(?:ne\s+pas|ne\s+pouvons\s+pas|ne\s+pourrons\s+pas)\s+donner\s+(?:une\s+)?suite",
        r"(?:pas|plus)\s+donner\s+suite",
        r"(?:retenu|s[ée]lectionn[ée])\s+(?:une\s+)?autre\s+candidature",
        r"(?:retenu|privil[ée]gi[ée])\s+(?:d['’]\s?autres|un\s+autre|une\s+autre)\s+(?:candidat|profil)\w*",
        r"ne\s+donner(?:ons|ai|a|ont)\s+(?:donc\s+)?pas\s+suite",
        r"(?:poursuivre|continuer|aller\s+de\s+l['’]\s?avant)\s+avec\s+d['’]\s?autres\s+(?:candidat|profil)",
        r"votre\s+candidature\s+n['’]\s?a\s+pas\s+[ée]t[ée]\s+retenue",
        r"(?:votre\s+)?(?:candidature|profil)\s+(?:ne\s+)?(?:correspond|r[ée]pond)\s+pas",
        r"(?:pourvoir|pourvu)\s+le\s+poste\s+[àa]\s+l['’]\s?interne",
        r"malheureusement,?\s+(?:[\w'’]+\s+){0,6}?(?:ne|n['’])\s*(?:\w+\s+)?(?:pas|plus)\s+(?:retenue?|donner|poursuivre|aller)",
    ),
    "offer": (
        # "la Banque souhaite vous proposer le poste de Responsable de l'Audit Interne"
        r"(?:souhait\w*|heureux|heureuse|ravie?s?|plaisir)\s+(?:de\s+)?vous\s+proposer\s+le\s+poste",
        r"promesse\s+d['’]\s?embauche",
        r"offre\s+d['’]\s?emploi\s+(?:officielle|formelle|ci-jointe)",
        r"lettre\s+d['’]\s?offre",
        r"(?:le\s+plaisir|grand\s+plaisir|heureux|ravis?)\s+(?:de\s+)?(?:que\s+)?(?:nous\s+)?(?:vous\s+)?(?:offr|propos)(?:ir|er|ons)\s+le\s+poste",
        r"(?:nous\s+)?vous\s+offrons\s+le\s+poste",
        r"proposition\s+d['’]\s?embauche",
    ),
    "offer_subject": (r"offre\s+d['’]\s?emploi", r"promesse\s+d['’]\s?embauche", r"lettre\s+d['’]\s?offre"),
    "pay": (
        r"salaire\s+(?:annuel|brut|de\s+base|mensuel)",
        r"r[ée]mun[ée]ration\s+(?:annuelle|brute|fixe|variable|globale)",
        r"salaire\s*:",
        r"brut\s+annuel",
        r"(?:prime|bonus)\s+(?:annuelle?|de\s+signature|sur\s+objectifs)",
        r"13e\s+mois",
        r"treizi[èe]me\s+mois",
        r"reer\s+collectif",
        r"assurances?\s+collectives?",
    ),
    "start": (
        r"date\s+d['’]\s?(?:entr[ée]e\s+en\s+fonction|embauche|arriv[ée]e)",
        r"date\s+de\s+(?:d[ée]but|prise\s+de\s+poste)",
        r"entr[ée]e\s+en\s+fonction",
        r"prise\s+de\s+poste",
    ),
    "agreement": (
        r"contrat\s+(?:de\s+travail|[àa]\s+dur[ée]e\s+ind[ée]termin[ée]e)",
        r"\bcdi\b",
        r"signer\s+(?:le|votre)\s+contrat",
    ),
    "ooo_subject": (
        r"r[ée]ponse\s+automatique",
        r"absent(?:e)?\s+du\s+bureau",
        r"message\s+d['’]\s?absence",
        r"absence",
    ),
    "ooo_away": (
        r"(?:je\s+suis|je\s+serai|actuellement)\s+(?:\w+\s+)?(?:absente?|en\s+cong[ée]s?|en\s+vacances|"
        r"hors\s+du\s+bureau|absente?\s+du\s+bureau)",
        r"absente?\s+du\s+bureau",
    ),
    "ooo_return": (
        r"de\s+retour\s+(?:le|au\s+bureau|[àa]\s+partir)\b",
        r"[àa]\s+mon\s+retour",
        r"acc[èe]s\s+limit[ée]\s+[àa]\s+(?:mes\s+)?(?:courriels|e-?mails)",
    ),
    "ack": (
        r"(?:nous\s+avons\s+)?(?:bien\s+)?re[çc]u\s+votre\s+(?:candidature|cv)",
        r"merci\s+(?:pour|de)\s+(?:votre\s+candidature|avoir\s+postul[ée])",
        r"votre\s+candidature\s+(?:a\s+bien\s+[ée]t[ée]|est)\s+(?:re[çc]ue|enregistr[ée]e|transmise|en\s+cours)",
        r"(?:est|sera)\s+(?:actuellement\s+)?(?:[ée]tudi[ée]e|examin[ée]e|en\s+cours\s+d['’]\s?(?:examen|analyse))",
    ),
    # the candidate asked for days and times ("Quais dias e horários você teria disponíveis?")
    "asks": (
        r"(?:quelles\s+sont\s+)?vos\s+disponibilit[ée]s",
        r"quand\s+(?:seriez-vous|serais-tu|[êe]tes-vous|es-tu)\s+disponible",
    ),
    "process": (
        r"(?:prochaines|suivantes)\s+[ée]tapes",
        r"(?:nous\s+)?(?:vous\s+)?tiendrons\s+(?:inform[ée]e?|au\s+courant)",
    ),
    "non_employer": (
        r"journaliste",
        r"reportage",
        r"entretien\s+(?:annuel\s+de\s+votre|de\s+(?:la|votre|vos|l['’]\s?)\s*(?:chaudi[èe]re|v[ée]hicule|voiture|"
        r"jardin|climatisation|ascenseur|logement|immeuble|pelouse|toiture|piscine|installation)|"
        r"du\s+(?:v[ée]hicule|jardin|b[âa]timent|chauffage|syst[èe]me))",
        r"(?:contrat|visite|technicien|travaux)\s+d['’]\s?entretien",
        r"entretien\s+(?:pour|dans)\s+(?:le|la|notre)\s+(?:journal|magazine|revue|[ée]mission|blog|podcast)",
        r"rendez-vous\s+(?:m[ée]dical|chez\s+le|au\s+consulat|[àa]\s+l['’]\s?ambassade)",
    ),
    "negative_topic": (
        r"offres?\s+(?:pour\s+vous|recommand[ée]es)",
        r"emplois?\s+(?:pour\s+vous|recommand[ée]s)",
        r"nouvelles?\s+offres?",
        r"alerte\s+(?:emploi|offres?)",
        r"lettre\s+d['’]\s?information",
        r"infolettre",
        r"webinaire",
    ),
}

#: Dutch of the Netherlands and Flanders. "gesprek" is any conversation and "afspraak" any
#: appointment (doctor, hairdresser, town hall): they count only next to words of a hiring process
_GESPREK = (
    r"(?:sollicitatie|kennismakings|selectie|eerste\s+|tweede\s+|vervolg|eind|telefonisch\s+|online\s+)gesprek(?:ken)?"
)
DUTCH: dict[str, tuple[str, ...]] = {
    # what before a time makes it the arrival, not the interview (when.py)
    "arrival": (r"aankomst", r"meld je", r"meldt u zich", r"bij de receptie"),
    "interview": (
        _GESPREK,
        r"sollicitatiegesprek(?:ken)?",
        r"selectiedag",
        # English mail says "assessment" for a self-assessment or a coding test: only the Dutch forms
        r"(?:een|het)\s+assessment(?:dag|centrum)?",
        r"assessment(?:dag|centrum)",
        r"sollicitatieprocedure",
        r"selectieprocedure",
    ),
    "hiring": (
        r"sollicitatie",
        r"sollicitant(?:en)?",
        r"kandida(?:at|te|ten)",
        r"kandidatuur",
        r"vacature(?:s)?",
        r"functie",
        r"werving",
        r"recruiter",
        r"cv",
        r"onze\s+opdrachtgever",
        r"personeelszaken",
        r"hr-afdeling",
    ),
    "meeting": (r"gesprek", _GESPREK, r"videogesprek", r"telefoongesprek", r"kennismaking", r"belafspraak"),
    "session": (r"gesprek", _GESPREK, r"afspraak", r"sessie", r"opname", r"belafspraak"),
    "invite_subject": (
        rf"uitnodiging\s+(?:voor\s+)?(?:een\s+|het\s+|ons\s+)?(?:\w+\s+)?{_GESPREK}",
        r"uitnodiging\s+(?:voor\s+)?(?:een\s+|het\s+|de\s+)?(?:assessment|selectiedag)",
    ),
    "invite_text": (
        rf"(?:willen|wil|nodigen|nodig)\s+(?:we|wij|ik)\s+(?:je|jou|u)\s+(?:\w+\s+){{0,3}}?uit\w*\s+"
        rf"(?:voor|tot|op)\s+{_W3}(?:{_GESPREK}|gesprek|kennismaking|assessment|selectiedag|videogesprek)",
        r"(?:we|wij|ik)\s+(?:willen|wil|zouden|zou)\s+(?:je|jou|u)\s+graag\s+(?:\w+\s+){0,3}?uitnodigen",
        r"(?:schikt|past)\s+(?:het|dit|dat)\s+(?:je|jou|u)\b",
        r"zou\s+(?:je|u)\s+beschikbaar\s+zijn",
        r"(?:ben|bent)\s+(?:je|u)\s+beschikbaar\s+(?:op|voor)\b",
        r"(?:graag\s+)?(?:bevestig|bevestigen)\s+(?:ik|we|wij)\s+(?:hierbij\s+)?(?:je|jouw|uw|het|ons|de)\s+"
        rf"(?:\w+\s+){{0,2}}?(?:{_GESPREK}|gesprek|afspraak)",
        rf"(?:{_GESPREK}|gesprek|afspraak)\s+(?:\w+\s+){{0,8}}?staat\s+(?:genoteerd|ingepland|in\s+de\s+agenda)",
        r"(?:wat|welke)\s+(?:is\s+)?(?:je|jouw|uw)\s+beschikbaarheid",
        r"(?:welk|welke)\s+(?:moment|tijdstip|optie|dag)\w*\s+(?:het\s+beste\s+)?(?:past|schikt)",
        r"(?:kies|plan|boek)\s+(?:een|je|uw|zelf\s+een)\s+(?:tijdslot|moment|tijdstip)",
        # the plain word order: "we nodigen je graag uit voor een eerste gesprek"
        rf"(?:we|wij|ik)\s+(?:nodigen|nodig)\s+(?:je|jou|u)\s+(?:\w+\s+){{0,3}}?uit\s+(?:voor|tot|op)\s+{_W3}"
        rf"(?:{_GESPREK}|gesprek|kennismaking|assessment|selectiedag|videogesprek)",
        # booked: "ik heb je ingepland voor een telefonisch kennismakingsgesprek op donderdag"
        r"(?:heb|hebben)\s+(?:je|jou|u)\s+(?:\w+\s+){0,2}?ingepland\b",
        # "welke van deze momenten komt jou het best uit?"
        r"(?:welk|welke)\s+(?:van\s+)?(?:deze|onderstaande)\s+(?:momenten|tijdstippen|opties|data)\b",
        r"komt\s+(?:het\s+)?(?:je|jou|u)\s+(?:het\s+)?(?:best|beste)\s+uit",
    ),
    "reschedule_subject": (r"nieuwe\s+(?:datum|tijd|afspraak)", r"verzet", r"verplaatst", r"wijziging\s+afspraak"),
    "reschedule_text": (
        # the words between may be a date and a clock: "ons gesprek van dinsdag 30/09 om 9u30 verplaatsen"
        rf"(?:{_GESPREK}|gesprek|afspraak)\s+(?:[\w/:.-]+\s+){{0,8}}?(?:verzetten|verplaatsen|verschuiven)",
        r"(?:heb|hebben)\s+(?:het|ons|je|jouw|uw|de)\s+(?:\w+\s+){0,3}?(?:verzet|verplaatst)\s+naar",
        r"(?:verzetten|verplaatsen)\s+(?:we|wij|ik)\s+(?:het|ons|je|jouw|uw|de)\s+(?:\w+\s+){0,2}?(?:gesprek|afspraak)",
        r"(?:is|wordt|werd)\s+(?:\w+\s+){0,2}?(?:verzet|verplaatst)\s+naar",
        r"nieuwe\s+(?:datum|tijd)\s*(?:is|wordt|:)",
    ),
    "cancel_subject": (r"geannuleerd", r"afgezegd", r"gaat\s+niet\s+door", r"annulering"),
    "cancel_text": (
        rf"(?:{_GESPREK}|gesprek|afspraak)\s+(?:\w+\s+){{0,12}}?(?:[\d.,:–-]+\s+){{0,6}}?(?:uur,?\s+)?"
        r"(?:afzeggen|afgezegd|annuleren|geannuleerd|gaat\s+niet\s+door)",
        r"(?:moeten|moet)\s+(?:we|wij|ik)\s+(?:helaas\s+)?(?:het|ons|je|jouw|uw|de)\s+(?:\w+\s+){0,2}?"
        r"(?:gesprek|afspraak)[^!?\n]{0,120}?\b(?:afzeggen|annuleren)",
    ),
    "rejection": (
        r"(?:besloten|gekozen)\s+(?:om\s+)?(?:je|jou|u|jouw\s+sollicitatie|uw\s+sollicitatie)?\s*niet\s+"
        r"(?:verder\s+te\s+gaan|mee\s+te\s+nemen|uit\s+te\s+nodigen)",
        r"niet\s+verder\s+(?:te\s+)?gaan\s+met\s+(?:je|jouw|uw)\s+(?:sollicitatie|kandidatuur)",
        r"gekozen\s+voor\s+(?:een\s+)?andere\s+(?:kandida(?:at|te|ten)|sollicitant)",
        # "we hebben besloten om verder te gaan met een andere kandidaat"
        r"(?:verder|door)\s+te\s+gaan\s+met\s+(?:een\s+)?(?:andere|een\s+andere)\s+(?:kandida(?:at|te|ten)|sollicitant)",
        r"helaas\s+(?:\w+\s+){0,6}?(?:niet\s+(?:verder|uitnodigen|door)|afwijzen|geen\s+positief)",
        r"(?:je|jouw|uw)\s+sollicitatie\s+(?:\w+\s+){0,4}?(?:afgewezen|niet\s+(?:verder|door))",
        r"afwijzing\s+(?:van\s+)?(?:je|jouw|uw)?\s*sollicitatie",
    ),
    "offer": (
        r"(?:een\s+)?aanbod\s+(?:te\s+)?(?:doen|maken)\s+voor\s+de\s+functie",
        r"(?:je|jou|u)\s+(?:\w+\s+){0,4}?de\s+functie\s+(?:\w+\s+){0,4}?aan\s+(?:te\s+)?bieden",
        r"(?:ons|het)\s+(?:schriftelijk\s+|definitief\s+|formeel\s+)?aanbod\s+(?:voor|als)\b",
        r"in\s+dienst\s+(?:te\s+)?treden",
        # the separable verb with the object between: "bieden we je de functie van ... aan"
        r"(?:bieden|bied)\s+(?:we|wij|ik)\s+(?:je|jou|u)\s+(?:graag\s+)?(?:de|een)\s+(?:functie|baan|positie)\b",
        r"(?:concept\s*)?arbeidsovereenkomst\s+(?:ter\s+ondertekening|in\s+de\s+bijlage|bijgevoegd)",
    ),
    "offer_subject": (
        r"aanbod\s+(?:arbeidsovereenkomst|functie)",
        r"^\s*aanbod\s*:",
        r"arbeidsvoorwaardenvoorstel",
        r"contractvoorstel",
    ),
    "pay": (
        r"(?:bruto\s+)?(?:maand|jaar)salaris",
        r"bruto\s+per\s+(?:maand|jaar)",
        r"salaris\s*:",
        r"vakantiegeld",
        r"dertiende\s+maand",
        r"13e\s+maand",
        r"eindejaarsuitkering",
        r"maaltijdcheques",
    ),
    "start": (r"startdatum", r"datum\s+van\s+indiensttreding", r"indiensttreding"),
    "agreement": (r"arbeidsovereenkomst", r"arbeidscontract", r"(?:het|je|uw)\s+contract\s+(?:ondertekenen|tekenen)"),
    "ooo_subject": (r"afwezigheidsmelding", r"automatisch\s+antwoord", r"niet\s+op\s+kantoor", r"afwezig"),
    "ooo_away": (
        r"(?:ben|zit)\s+(?:\w+\s+){0,6}?(?:niet\s+op\s+kantoor|met\s+vakantie|op\s+vakantie|afwezig|met\s+verlof)",
    ),
    "ooo_return": (
        r"vanaf\s+(?:\w+\s+){0,3}?[\d\-/]*\s*(?:\w+\s+)?weer\s+(?:bereikbaar|op\s+kantoor|aanwezig)",
        r"na\s+mijn\s+terugkeer",
        r"(?:beperkt|geen)\s+toegang\s+tot\s+(?:mijn\s+)?e-?mail",
    ),
    "ack": (
        r"(?:bedankt|dank\s+je|dank\s+u)\s+(?:wel\s+)?voor\s+(?:je|jouw|uw)\s+sollicitatie",
        r"(?:we|wij)\s+hebben\s+(?:je|jouw|uw)\s+sollicitatie\s+(?:\w+\s+)?ontvangen",
        r"(?:je|jouw|uw)\s+sollicitatie\s+(?:is\s+)?(?:\w+\s+)?ontvangen",
    ),
    # the candidate asked for days and times ("Quais dias e horários você teria disponíveis?")
    "asks": (
        r"wanneer\s+(?:ben\s+je|bent\s+u|zou\s+(?:je|u))\s+beschikbaar",
        r"(?:je|uw)\s+beschikbaarheid",
    ),
    "process": (
        r"(?:volgende|vervolg)stappen",
        r"volgende\s+stappen",
        r"(?:we|wij)\s+(?:houden|laten)\s+(?:je|u)\s+(?:op\s+de\s+hoogte|weten)",
    ),
    "non_employer": (
        r"journalist(?:e)?",
        r"redactie",
        r"krant",
        r"tijdschrift",
        r"(?:tandarts|huisarts|fysiotherapeut|kapsalon|ambassade|consulaat)\w{0,12}",
        r"afspraak\s+(?:bij|op|met)\s+(?:de\s+|het\s+)?(?:gemeente|stadhuis|gemeentehuis|stadskantoor|kapper)",
        r"(?:paspoort|identiteitskaart|rijbewijs)\w{0,8}",
    ),
    "negative_topic": (r"vacaturemelding", r"vacatures\s+voor\s+jou", r"nieuwe\s+vacatures", r"nieuwsbrief"),
}

#: "rozmowa" is a job interview; "wywiad" is a journalist's. Verbs and nouns are inflected, so
#: fragments end in a stem and \w* where the case changes the ending
POLISH: dict[str, tuple[str, ...]] = {
    "arrival": (r"zgło(?:ś|s)\w*\s+się", r"przyj(?:ść|dź)\w*", r"w\s+recepcji", r"na\s+recepcj\w+"),
    "interview": (
        r"rozmow\w*\s+(?:kwalifikacyjn|rekrutacyjn|techniczn|końcow|finałow)\w*",
        r"rozmow\w*\s+z\s+(?:hiring\s+managerem|rekruter\w*|zespołem|ceo|cto|założyciel\w*)",
        r"spotkani\w*\s+rekrutacyjn\w*",
        r"(?:kolejn|następn|pierwsz|drug|trzec|ostatni|końcow|finałow)\w*\s+etap\w*",
        r"etap\w*\s+rekrutacj\w*",
    ),
    "hiring": (
        r"rekrutac\w+",
        r"rekruter\w*",
        r"kandydat\w*",
        r"kandydatur\w*",
        r"aplikacj\w+",
        r"stanowisk\w*",
        r"ofert\w*\s+pracy",
        r"zatrudnieni\w*",
        r"współprac\w+\s+b2b",
        r"umow\w*\s+b2b",
    ),
    "meeting": (r"rozmow\w+", r"spotkani\w+", r"wideorozmow\w+", r"call\w*"),
    "session": (r"rozmow\w+", r"spotkani\w+", r"nagrani\w+"),
    "invite_subject": (
        r"zaproszenie\s+na\s+(?:\w+\s+){0,2}?(?:rozmow|spotkani)\w*",
        r"zaproszenie\s+do\s+(?:kolejnego|następnego|drugiego|ostatniego)\s+etapu",
        r"potwierdzenie\s+(?:rozmowy|spotkania|terminu)",
    ),
    "invite_text": (
        r"zaprasza(?:my|m)\s+(?:\w+\s+){0,2}?na\s+(?:\w+\s+){0,2}?(?:rozmow|spotkani|call)\w*",
        r"chcieli(?:byśmy|bysmy)\s+(?:pana|panią|cię|państwa|się)?\s*(?:zaprosić|umówić|porozmawiać|spotkać)",
        r"chciał(?:bym|abym)\s+(?:pana|panią|cię)?\s*(?:zaprosić|umówić|porozmawiać|spotkać)",
        r"proponuj(?:ę|emy)\s+(?:\w+\s+){0,2}?(?:termin\w*|spotkani\w*|rozmow\w*|call\w*|godzin\w*)",
        r"czy\s+(?:\w+\s+){0,3}?(?:pasuje|pasowałby|pasowałaby|odpowiada)",
        r"potwierdzam(?:y)?\s+(?:\w+\s+){0,2}?(?:termin|spotkanie|rozmowę|call)",
        r"(?:jesteśmy|jestesmy)\s+umówieni",
        r"do\s+zobaczenia\s+(?:w|we|jutro|o)\b",
        r"(?:wybierz|zarezerwuj)\s+(?:\w+\s+){0,2}?(?:termin|slot|godzin)\w*",
    ),
    "reschedule_subject": (r"zmiana\s+terminu", r"nowy\s+termin", r"przełożeni\w*", r"przesunięci\w*"),
    "reschedule_text": (
        r"(?:musimy|muszę|musielibyśmy|chcielibyśmy|chciałbym|chciałabym)\s+(?:\w+\s+){0,2}?"
        r"(?:przełożyć|przenieść|przesunąć|zmienić\s+termin)",
        r"(?:przełożyliśmy|przenieśliśmy|przesunęliśmy|przełożyłem|przełożyłam|przeniosłem|przeniosłam)\b",
        r"nowy\s+termin\s*(?:to|:)",
        r"(?:rozmowa|spotkanie|call)\s+(?:\w+\s+){0,4}?(?:zostało|została|został)\s+(?:przełożon|przeniesion|przesunięt)\w*",
    ),
    "cancel_subject": (r"odwołan\w*", r"anulowan\w*"),
    "cancel_text": (
        r"(?:musimy|muszę|musieliśmy)\s+(?:\w+\s+){0,2}?(?:odwołać|anulować)",
        r"(?:odwołujemy|odwołuję|odwołaliśmy|anulujemy|anulowaliśmy)\s+(?:\w+\s+){0,3}?(?:rozmow|spotkani|call)\w*",
        r"(?:rozmowa|spotkanie|call)\s+(?:\w+\s+){0,6}?(?:jest|zostało|została|został)\s+(?:odwołan|anulowan)\w*",
    ),
    "rejection": (
        r"(?:zdecydowaliśmy|postanowiliśmy)\s+(?:się\s+)?(?:\w+\s+){0,3}?(?:kontynuować|pójść|przejść)\s+"
        r"(?:\w+\s+){0,3}?z\s+(?:innym|inną|innymi)",
        r"(?:zdecydowaliśmy|postanowiliśmy)\s+(?:się\s+)?nie\s+(?:kontynuować|kontynuowac|przechodzić)",
        r"wybraliśmy\s+(?:\w+\s+){0,2}?(?:innego|inną|innych)\s+(?:kandydat|osob)\w*",
        r"nie\s+(?:będziemy|możemy|mozemy)\s+(?:\w+\s+){0,2}?kontynuować\s+(?:\w+\s+){0,3}?(?:procesu|rekrutacji|współpracy)",
        r"(?:pana|pani|twoja|twojej)\s+kandydatur\w*\s+(?:\w+\s+){0,3}?nie\s+(?:została|przeszła|zostanie)",
        r"nie\s+przechodzi(?:sz|\s+pan|\s+pani)?\s+do\s+(?:kolejnego|następnego)\s+etapu",
        r"nie\s+zakwalifikował\w*",
        r"zdecydowaliśmy\s+się\s+na\s+(?:\w+\s+){0,2}?(?:kandydat|kandydatk|osob|inn)\w*",
    ),
    "offer": (
        r"z\s+przyjemnością\s+(?:\w+\s+){0,2}?(?:przedstawiamy|przesyłamy|składamy|składam|przedstawiam)\s+"
        r"(?:\w+\s+){0,2}?(?:ofert|propozycj)\w*",
        r"(?:chcemy|chcielibyśmy|chciałbym|chciałabym)\s+(?:\w+\s+){0,2}?(?:złożyć|przedstawić|zaproponować)\s+"
        r"(?:\w+\s+){0,2}?(?:ofert|propozycj|współprac)\w*",
        r"ofert\w*\s+(?:zatrudnienia|współpracy)",
    ),
    "offer_subject": (r"oferta\s+(?:pracy|współpracy|zatrudnienia)", r"propozycja\s+(?:współpracy|zatrudnienia)"),
    "pay": (
        r"stawk\w*\s+(?:dzienn|godzinow|miesięczn)\w*",
        r"wynagrodzeni\w*",
        r"(?:pln|zł)\s+(?:netto|brutto)",
        r"netto\s*\+\s*vat",
    ),
    "start": (r"data\s+rozpoczęcia", r"rozpoczęci\w*\s+(?:współpracy|pracy)"),
    "agreement": (r"umow\w*\s+(?:b2b|o\s+pracę|o\s+współpracy)",),
    "ooo_subject": (r"automatyczna\s+odpowiedź", r"nieobecność\w*", r"poza\s+biurem"),
    "ooo_away": (r"jestem\s+(?:\w+\s+){0,2}?(?:na\s+urlopie|poza\s+biurem|nieobecn\w*)",),
    "ooo_return": (r"(?:wracam|wrócę)\s+(?:\w+\s+){0,2}?(?:\d|w\s|po)", r"po\s+(?:moim\s+)?powrocie"),
    "ack": (
        r"dziękujemy\s+za\s+(?:przesłanie\s+|złożenie\s+)?(?:aplikacji|zgłoszenia|cv)",
        r"otrzymaliśmy\s+(?:\w+\s+){0,2}?(?:aplikację|zgłoszenie|cv)",
    ),
    # the candidate asked for days and times ("Quais dias e horários você teria disponíveis?")
    "asks": (
        r"kiedy\s+(?:by(?:łby|łaby)\s+pan(?:i)?|masz|ma\s+pan(?:i)?)\s+czas",
        r"(?:twoj[aą]|pana|pani)\s+dost[eę]pno[śs][ćc]",
    ),
    "process": (r"(?:kolejn|następn)\w*\s+krok\w*", r"informacj\w*\s+zwrotn\w*", r"odezwiemy\s+się"),
    "non_employer": (r"wywiad\w*", r"dziennikar\w*", r"redakcj\w*"),
    # ("newsletter" is the English rule's word already: a second rule for it would count one mention twice)
    "negative_topic": (r"nowe\s+oferty\s+pracy", r"oferty\s+pracy\s+dla\s+(?:ciebie|pana|pani)"),
}


# --- Swedish, Norwegian and Danish -----------------------------------------------------------
# Nordic recruiters write their own language as often as English: "kallelse till intervju",
# "invitasjon til intervju", "invitation til samtale". The three share much (a "samtal"/
# "samtale" is a conversation, an interview when it is about a job), so some fragments repeat.

SWEDISH: dict[str, tuple[str, ...]] = {
    "arrival": (r"var\s+på\s+plats", r"anmäl\s+dig\s+i\s+receptionen", r"i\s+receptionen"),
    "interview": (
        r"\w*intervju\w*",
        r"portföljgenomgång\w*",
        r"(?:case|design)(?:presentation|utmaning)\w*",
        r"(?:första|andra|tredje|sista|avslutande)\s+(?:steget|steg|rundan|runda|träffen)",
    ),
    "hiring": (
        r"rekryter\w*",
        r"kandidat\w*",
        r"ansökan",
        r"ansökningar\w*",
        r"tjänsten",
        r"anställning\w*",
        r"rekryteringsprocess\w*",
    ),
    "meeting": (r"möte\w*", r"samtal\w*", r"intervju\w*", r"träff\w*", r"fika"),
    "session": (r"möte\w*", r"samtal\w*", r"intervju\w*", r"inspelning\w*"),
    "invite_subject": (
        r"kallelse\s+till\s+(?:\w+\s+){0,2}?(?:intervju|samtal|möte)\w*",
        r"inbjudan\s+till\s+(?:\w+\s+){0,2}?(?:intervju|samtal|möte|portföljgenomgång)\w*",
        r"bekräftelse\s+(?:av|på)\s+(?:\w+\s+)?(?:intervju|möte|tid)\w*",
    ),
    "invite_text": (
        r"(?:vill|skulle)\s+(?:\w+\s+){0,2}?(?:gärna\s+)?(?:bjuda\s+in|träffa|kalla)\s+dig",
        r"välkommen\s+(?:på|till)\s+(?:\w+\s+){0,2}?(?:intervju|portföljgenomgång|samtal|möte)\w*",
        r"(?:har\s+)?(?:nu\s+)?bokat\s+(?:in\s+)?(?:\w+\s+){0,2}?(?:intervju|möte|samtal|tid)\w*",
        r"(?:passar|funkar|fungerar)\s+(?:\w+\s+){0,3}?(?:för\s+dig|dig)",
        r"bekräftar\s+(?:\w+\s+){0,2}?(?:intervju|tid|möte|mötet|tiden)\w*",
        r"då\s+kör\s+vi",
        r"vi\s+ses\s+(?:på|i|den)\b",
        r"(?:boka|välj)\s+(?:\w+\s+){0,2}?(?:tid|tider|intervjutid)\w*",
        r"vi\s+har\s+landat\s+i",
        r"(?:ta\s+dig|gå)\s+vidare\s+(?:\w+\s+){0,3}?till\s+(?:\w+\s+){0,2}?(?:intervju|steg|rund)\w*",
    ),
    "reschedule_subject": (r"ny\s+tid", r"ändrad\s+tid", r"flyttad\w*", r"uppdaterad"),
    "reschedule_text": (
        r"(?:behöver|måste|vill)\s+(?:\w+\s+){0,2}?(?:tyvärr\s+)?flytta\s+(?:\w+\s+){0,3}?(?:intervju|möte|samtal|tid)\w*",
        r"(?:har\s+)?flyttat\s+(?:\w+\s+){0,3}?(?:intervju|möte|samtal)\w*",
        r"istället\s+för\s+(?:\w+\s+){0,4}?blir\s+det",
        r"ny\s+tid\s*:",
    ),
    "cancel_subject": (r"inställ\w*", r"ställs\s+in", r"avbok\w*"),
    "cancel_text": (
        r"(?:måste|behöver)\s+(?:\w+\s+){0,2}?(?:tyvärr\s+)?(?:ställa\s+in|avboka)",
        r"(?:intervju|möte|samtal)\w*\s+(?:\w+\s+){0,4}?(?:ställs\s+in|är\s+inställd|blir\s+inställd)",
        r"pausa(?:r|t)\s+rekryteringen",
    ),
    "rejection": (
        r"(?:valt|beslutat)\s+att\s+(?:gå\s+vidare|fortsätta)\s+med\s+(?:en\s+)?(?:annan|andra)",
        r"inte\s+(?:att\s+)?(?:gå|går)\s+vidare\s+med\s+(?:din|dig)",
        r"din\s+ansökan\s+(?:\w+\s+){0,3}?inte\s+(?:gått|går)\s+vidare",
        r"(?:valt|gått\s+vidare\s+med)\s+(?:en\s+)?annan\s+kandidat",
    ),
    "offer": (
        r"(?:erbjuda|erbjuder)\s+dig\s+(?:\w+\s+){0,2}?(?:tjänsten|rollen|jobbet|anställning)",
        r"erbjudande\s+om\s+anställning",
    ),
    "offer_subject": (r"erbjudande",),
    "pay": (r"månadslön", r"(?:års|grund|fast)lön", r"lön\s*:"),
    "start": (r"tillträde", r"startdatum", r"första\s+arbetsdag\w*"),
    "agreement": (r"anställningsavtal\w*", r"tillsvidareanställning", r"provanställning"),
    "ooo_subject": (r"automatiskt\s+svar", r"frånvaro\w*", r"semester"),
    "ooo_away": (r"jag\s+(?:är|har)\s+(?:\w+\s+){0,2}?(?:på\s+semester|ledig|tjänstledig|bortrest|semester)",),
    "ooo_return": (r"(?:tillbaka|åter)\s+(?:\w+\s+){0,2}?(?:den|på|i|\d)",),
    "ack": (r"tack\s+för\s+din\s+ansökan", r"(?:tagit\s+emot|mottagit)\s+din\s+ansökan"),
    # the candidate asked for days and times ("Quais dias e horários você teria disponíveis?")
    "asks": (
        r"n[äa]r\s+(?:passar\s+det|skulle\s+du\s+kunna|har\s+du\s+tid)",
        r"(?:din|er)\s+tillg[äa]nglighet",
    ),
    "process": (r"nästa\s+steg", r"återkommer"),
    "non_employer": (r"journalist\w*", r"podd\w*"),
    "negative_topic": (r"lediga\s+jobb", r"jobbtips"),
}

NORWEGIAN: dict[str, tuple[str, ...]] = {
    "arrival": (r"møt\s+opp", r"meld\s+deg\s+i\s+resepsjonen", r"i\s+resepsjonen"),
    "interview": (
        r"\w*intervju\w*",
        r"porteføljegjennomgang\w*",
        r"(?:første|andre|tredje|siste|avsluttende)\s+(?:runde|steg|intervju)\w*",
        r"case(?:presentasjon|oppgave)\w*",
    ),
    "hiring": (r"rekrutter\w*", r"kandidat\w*", r"søknad\w*", r"stillingen", r"ansettelse\w*"),
    "meeting": (r"møte\w*", r"samtale\w*", r"intervju\w*"),
    "session": (r"møte\w*", r"samtale\w*", r"intervju\w*", r"opptak\w*"),
    "invite_subject": (
        r"invitasjon\s+til\s+(?:\w+\s+){0,2}?(?:intervju|samtale|møte|runde)\w*",
        r"innkalling\s+til\s+(?:\w+\s+){0,2}?(?:intervju|samtale)\w*",
    ),
    "invite_text": (
        r"(?:vil|ønsker)\s+(?:\w+\s+){0,2}?(?:gjerne\s+)?(?:invitere|treffe|kalle\s+inn)\s+deg",
        r"velkommen\s+til\s+(?:\w+\s+){0,2}?(?:intervju|samtale|møte)\w*",
        r"passer\s+(?:\w+\s+){0,3}?(?:for\s+deg|deg)",
        r"bekrefter\s+(?:\w+\s+){0,2}?(?:intervju|tid|møte|tidspunkt)\w*",
        r"vi\s+ses\s+(?:på|i)\b",
        r"(?:book|velg)\s+(?:\w+\s+){0,2}?(?:tid|tidspunkt)\w*",
    ),
    "reschedule_subject": (r"ny\s+tid", r"oppdatert", r"flyttet"),
    "reschedule_text": (
        r"(?:må|trenger\s+å|vil)\s+(?:\w+\s+){0,2}?(?:dessverre\s+)?flytte\s+(?:\w+\s+){0,4}?(?:intervju|møte|samtale)\w*",
        r"(?:har\s+)?flyttet\s+(?:\w+\s+){0,3}?(?:intervju|møte|samtale)\w*",
        r"ny\s+tid\s*:",
    ),
    "cancel_subject": (r"avlys\w*", r"avbestill\w*"),
    "cancel_text": (
        r"(?:må|vil)\s+(?:\w+\s+){0,2}?(?:dessverre\s+)?avlyse",
        r"(?:intervju|møte|samtale)\w*\s+(?:\w+\s+){0,4}?(?:er\s+|blir\s+)?avlyst",
    ),
    "rejection": (
        r"(?:valgt|besluttet)\s+å\s+gå\s+videre\s+med\s+(?:en\s+)?(?:annen|andre)",
        r"(?:landet\s+på|gått\s+for|valgt)\s+en\s+annen\s+kandidat",
        r"ikke\s+(?:gå|går)\s+videre\s+med\s+(?:din|deg)",
    ),
    "offer": (
        r"(?:tilby|tilbyr)\s+deg\s+(?:\w+\s+){0,2}?(?:stillingen|rollen|jobben)",
        r"tilbud\s+om\s+(?:stilling|ansettelse)",
    ),
    "offer_subject": (r"tilbud\s+om\s+(?:stilling|ansettelse)", r"jobbtilbud"),
    "pay": (r"(?:års|måneds|grunn)lønn", r"lønn\s*:"),
    "start": (r"tiltredelse", r"oppstart\w*", r"første\s+arbeidsdag"),
    "agreement": (r"arbeidsavtale\w*", r"ansettelseskontrakt\w*"),
    "ooo_subject": (r"automatisk\s+svar", r"fravær\w*", r"ferie"),
    "ooo_away": (r"jeg\s+(?:er|har)\s+(?:\w+\s+){0,2}?(?:på\s+ferie|ferie|fri|utilgjengelig)",),
    "ooo_return": (r"tilbake\s+(?:\w+\s+){0,2}?(?:den|på|\d)",),
    "ack": (r"takk\s+for\s+(?:din\s+)?søknad\w*", r"mottatt\s+(?:din\s+)?søknad\w*"),
    # the candidate asked for days and times ("Quais dias e horários você teria disponíveis?")
    "asks": (
        r"n[åa]r\s+(?:passer\s+det|har\s+du\s+tid|kan\s+du)",
        r"(?:din|deres)\s+tilgjengelighet",
    ),
    "process": (r"neste\s+steg", r"kommer\s+tilbake\s+til\s+deg"),
    "non_employer": (r"journalist\w*", r"reportasje\w*"),
    "negative_topic": (r"ledige\s+stillinger", r"stillingsvarsel\w*"),
}

DANISH: dict[str, tuple[str, ...]] = {
    "arrival": (r"mød\s+op", r"meld\s+dig\s+i\s+receptionen", r"i\s+receptionen"),
    "interview": (
        r"\w*samtale(?:n|r|rne)?\s+(?:med|om|til|hos)",
        r"(?:job|ansættelses|første|anden|afsluttende|opfølgende)\s*samtale\w*",
        r"portfoliogennemgang\w*",
        r"(?:første|anden|tredje|sidste|afsluttende)\s+(?:runde|samtale)\w*",
    ),
    "hiring": (r"rekrutter\w*", r"kandidat\w*", r"ansøgning\w*", r"stillingen", r"ansættelse\w*"),
    "meeting": (r"møde\w*", r"samtale\w*", r"snak"),
    "session": (r"møde\w*", r"samtale\w*", r"optagelse\w*"),
    "invite_subject": (
        r"invitation\s+til\s+(?:\w+\s+){0,2}?(?:samtale|jobsamtale|møde|runde)\w*",
        r"indkaldelse\s+til\s+(?:\w+\s+){0,2}?(?:samtale|jobsamtale)\w*",
    ),
    "invite_text": (
        r"(?:vil|ønsker)\s+(?:\w+\s+){0,2}?(?:rigtig\s+)?(?:gerne\s+)?(?:invitere|møde|indkalde)\s+dig",
        r"velkommen\s+til\s+(?:\w+\s+){0,2}?(?:samtale|jobsamtale|møde)\w*",
        r"passer\s+(?:\w+\s+){0,3}?(?:for\s+dig|dig)",
        r"bekræfter\s+(?:\w+\s+){0,2}?(?:samtale|tid|møde|tidspunkt)\w*",
        r"vi\s+ses\s+(?:på|i)\b",
    ),
    "reschedule_subject": (r"ny\s+tid", r"opdateret", r"flyttet"),
    "reschedule_text": (
        r"(?:må|skal|er\s+nødt\s+til\s+at)\s+(?:\w+\s+){0,2}?(?:desværre\s+)?flytte\s+(?:\w+\s+){0,4}?(?:samtale|møde)\w*",
        r"(?:har\s+)?flyttet\s+(?:\w+\s+){0,3}?(?:samtale|møde)\w*",
        r"ny\s+tid\s*:",
    ),
    "cancel_subject": (r"aflys\w*",),
    "cancel_text": (
        r"(?:må|er\s+nødt\s+til\s+at)\s+(?:\w+\s+){0,2}?(?:desværre\s+)?aflyse",
        r"(?:samtale|møde)\w*\s+(?:\w+\s+){0,4}?(?:er\s+|bliver\s+)?aflyst",
    ),
    "rejection": (
        r"(?:valgt|besluttet)\s+at\s+gå\s+videre\s+med\s+(?:en\s+)?(?:anden|andre)",
        r"ikke\s+(?:gå|går)\s+videre\s+med\s+(?:din|dig)",
        r"valgt\s+en\s+anden\s+kandidat",
    ),
    "offer": (
        r"(?:tilbyde|tilbyder)\s+dig\s+(?:\w+\s+){0,2}?(?:stillingen|rollen|jobbet)",
        r"tilbud\s+om\s+ansættelse",
    ),
    "offer_subject": (r"jobtilbud", r"tilbud\s+om\s+ansættelse"),
    "pay": (r"(?:måneds|års|grund)løn", r"løn\s*:"),
    "start": (r"tiltrædelse\w*", r"første\s+arbejdsdag", r"startdato"),
    "agreement": (r"ansættelseskontrakt\w*", r"ansættelsesaftale\w*"),
    "ooo_subject": (r"automatisk\s+svar", r"fravær\w*", r"ferie"),
    "ooo_away": (r"jeg\s+(?:er|holder)\s+(?:\w+\s+){0,2}?(?:på\s+ferie|ferie|sommerferie|fri)",),
    "ooo_return": (r"tilbage\s+(?:\w+\s+){0,4}?(?:den|på|\d|mandag|tirsdag|onsdag|torsdag|fredag)",),
    "ack": (r"tak\s+for\s+din\s+ansøgning", r"modtaget\s+din\s+ansøgning"),
    # the candidate asked for days and times ("Quais dias e horários você teria disponíveis?")
    "asks": (
        r"hvorn[åa]r\s+(?:passer\s+det|har\s+du\s+tid|kan\s+du)",
        r"(?:din|jeres)\s+tilg[æe]ngelighed",
    ),
    "process": (r"næste\s+skridt", r"vender\s+tilbage"),
    "non_employer": (r"journalist\w*", r"reportage\w*"),
    "negative_topic": (r"ledige\s+stillinger", r"jobagent\w*"),
}

ITALIAN: dict[str, tuple[str, ...]] = {
    "arrival": (
        r"si\s+presenti",
        r"presentarsi",
        r"presentati",
        r"alla\s+reception",
        r"in\s+portineria",
        r"all['’]\s?ingresso",
    ),
    "interview": (
        r"colloqui[oi]",
        r"\w+colloqui[oi]",
        r"(?:primo|secondo|terzo|ultimo|prossimo)\s+(?:colloquio|step|incontro|round)",
        r"prova\s+(?:tecnica|pratica|attitudinale)",
        r"test\s+tecnico",
        r"giornata\s+di\s+(?:selezione|valutazione)",
        r"visita\s+(?:in\s+azienda|allo\s+stabilimento|dello\s+stabilimento|in\s+stabilimento)",
        # "a get-to-know meeting", "a meeting at the company": how Italian employers name a first interview
        r"incontro\s+(?:conoscitivo|in\s+azienda|in\s+sede|presso\s+(?:la\s+)?(?:nostra\s+)?sede)",
        r"(?:call|chiamata|telefonata)\s+conoscitiva",
        r"giornata\s+(?:finale|in\s+sede)",
    ),
    "hiring": (
        r"selezion\w+",
        r"candidat[oaei]",
        r"candidatura",
        r"posizione",
        r"ruolo",
        r"offerta\s+di\s+lavoro",
        r"annuncio",
        r"assunzion\w+",
        r"inserimento",
        r"risorse\s+umane",
        r"opportunità\s+(?:professionale|lavorativa)",
        r"processo\s+di\s+selezione",
    ),
    "meeting": (
        r"colloqui[oi]", r"incontro", r"chiamata", r"telefonata", r"videochiamata", r"videocolloquio",
        r"riunione", r"appuntamento", r"chiacchierata",
    ),
    "session": (
        r"colloqui[oi]",
        r"incontro",
        r"chiamata",
        r"videochiamata",
        r"sessione",
        r"appuntamento",
        r"registrazione",
    ),
    "invite_subject": (
        r"invito\s+(?:a|al|per\s+(?:un|il))\s+(?:\w+\s+){0,2}?(?:colloquio|incontro)",
        r"convocazione\s+(?:a|al|per)?\s*(?:\w+\s+){0,2}?(?:colloquio|incontro|selezione)",
        r"conferma\s+(?:\w+\s+){0,2}?(?:colloquio|appuntamento|incontro)",
        r"colloquio\s+(?:conoscitivo|tecnico|finale|di\s+selezione|individuale|in\s+presenza|online)",
    ),
    "invite_text": (
        r"(?:vorremmo|vorrei|vorrebbe|vorrebbero|desideriamo|desidero|desidera|desiderano|saremmo\s+lieti\s+di|"
        r"siamo\s+lieti\s+di|sarei\s+lieto\s+di)\s+"
        r"(?:\w+\s+){0,2}?(?:invitarl[aoe]|invitarti|incontrarl[aoe]|incontrarti|conoscerl[aoe]|conoscerti|"
        r"fissare|organizzare|sentirl[aoe]|sentirti)",
        r"(?:la|ti)\s+(?:invito|invitiamo|convochiamo|aspettiamo|aspetto)",
        r"(?:le|ti)\s+(?:confermo|confermiamo)\s+(?:\w+\s+){0,3}?(?:colloquio|appuntamento|incontro|call|chiamata)",
        r"confermiamo\s+(?:\w+\s+){0,3}?(?:colloquio|appuntamento|incontro)",
        r"(?:le|ti)\s+(?:andrebbe|andrebbero|va|vanno|torna|tornerebbe)\s+bene",
        r"(?:le|ti)\s+(?:andrebbe|andrebbero)\s+(?:di|una|un)\b",
        r"va\s+bene\s+(?:\w+\s+){0,2}?(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|il\s+\d|alle|domani)",
        r"(?:la|l['’]\s?|ti)\s?aspetto\b",
        r"(?:può|puoi|potrebbe|potresti)\s+(?:\w+\s+){0,1}?(?:chiamarmi|richiamarmi|sentirmi)",
        r"facciamo\s+(?:\w+\s+){0,2}?(?:chiacchierata|chiamata|call|colloquio|videochiamata)",
        r"(?:ti|le|vi)\s+propon(?:iamo|go)\s+(?:\S+\s+){0,3}?(?:step|colloquio|incontro|call|chiamata|giornata|data|orario|"
        r"disponibilità)",
        r"(?:sarebbe|saresti|sarebbe\s+lei)\s+disponibile",
        r"(?:indicarci|indicarmi|comunicarci|comunicarmi|farci\s+sapere)\s+(?:\w+\s+){0,3}?disponibilità",
        r"prenot(?:are|a|i)\s+(?:\w+\s+){0,2}?(?:slot|orario|colloquio|fascia)",
        r"(?:abbiamo\s+|ho\s+)?(?:fissato|fissiamo|fisserei)\s+(?:\w+\s+){0,2}?(?:colloquio|incontro|appuntamento|call)",
        r"(?:ci\s+vediamo|a\s+presto|l['’]\s?aspettiamo|ti\s+aspettiamo)\s+(?:\w+\s+){0,2}?(?:il|lunedì|martedì|mercoledì|giovedì|venerdì|domani|alle)\b",
        r"(?:è|e)\s+stat[oa]\s+selezionat[oa]\s+per",
        r"(?:passare|accedere)\s+(?:\w+\s+){0,2}?(?:alla\s+fase|al\s+(?:prossimo|secondo)\s+(?:step|colloquio))",
    ),
    "reschedule_subject": (
        r"nuova\s+data", r"nuovo\s+orario", r"spostamento", r"riprogrammazione", r"cambio\s+(?:di\s+)?(?:data|orario)",
        r"(?:colloquio|incontro)\s+(?:spostato|rinviato|posticipato|anticipato)", r"aggiornat[oa]",
    ),
    "reschedule_text": (
        r"(?:dobbiamo|devo|dovremmo|dovrei|vorremmo|possiamo|potremmo)\s+(?:\w+\s+){0,2}?(?:purtroppo\s+)?"
        r"(?:spostare|posticipare|anticipare|rinviare|riprogrammare)",
        r"(?:è\s+stato|è\s+stata|abbiamo|ho)\s+(?:\w+\s+){0,2}?(?:spostat[oa]|posticipat[oa]|anticipat[oa]|rinviat[oa])",
        r"nuovo\s+orario\s*:",
        r"nuova\s+data\s*:",
        r"anziché",
        r"(?:chiederei|chiedo|chiediamo|chiederemmo)\s+(?:\w+\s+){0,2}?di\s+spostare",
        r"spostare\s+(?:\w+\s+){0,2}?(?:incontro|colloquio|appuntamento|call|chiamata)\w*\s+(?:a|al|alle|per|da)\b",
    ),
    "cancel_subject": (r"annullat[oa]", r"annullamento", r"cancellat[oa]", r"disdett[oa]"),
    "cancel_text": (
        r"(?:dobbiamo|devo|siamo\s+costretti\s+ad?)\s+(?:\w+\s+){0,2}?(?:purtroppo\s+)?(?:annullare|cancellare|disdire)",
        r"(?:colloquio|incontro|appuntamento)\s+(?:\w+\s+){0,4}?(?:è|e)\s+(?:stato\s+)?(?:annullat|cancellat)\w*",
        r"(?:posizione|ricerca|selezione)\s+(?:\w+\s+){0,3}?(?:sospes|chius|congelat)\w*",
    ),
    "rejection": (
        r"(?:abbiamo|hanno|ha)\s+(?:deciso|scelto|preferito)\s+di\s+(?:proseguire|procedere|andare\s+avanti|continuare)\s+"
        r"(?:\w+\s+){0,2}?con\s+(?:altr[ioe]|un\s+altr[oa]|un['’]\s?altr[oa]|candidat)",
        r"non\s+(?:\w+\s+){0,2}?(?:proseguire|procedere|dare\s+seguito)\s+(?:\w+\s+){0,2}?(?:sua|tua)\s+candidatura",
        r"(?:il\s+suo|il\s+tuo)\s+profilo\s+(?:\w+\s+){0,3}?non\s+(?:è|risulta|rientra)",
        r"non\s+rientra",
        r"(?:altri|altre)\s+(?:profili|candidature)\s+(?:\w+\s+){0,3}?(?:più|maggiormente)\s+(?:in\s+linea|aderenti|vicin)",
        r"non\s+(?:è|e)\s+stat[oa]\s+selezionat[oa]",
        r"esito\s+negativo",
        r"non\s+potremo\s+dare\s+seguito",
    ),
    "offer": (
        r"(?:lieti|felici|piacere)\s+(?:\w+\s+){0,3}?(?:offrirle|offrirti|proporle|proporti)\s+(?:\w+\s+){0,3}?"
        r"(?:posizione|ruolo|assunzione|contratto|inserimento)",
        r"proposta\s+(?:di\s+)?(?:assunzione|contrattuale|economica)",
        r"lettera\s+di\s+(?:assunzione|offerta|impegno\s+all['’]\s?assunzione)",
        r"offerta\s+(?:formale|di\s+assunzione)",
        r"(?:farti|farle|presentarti|presentarle|inviarti|inviarle)\s+(?:la\s+)?(?:nostra\s+)?proposta\s+"
        r"(?:\w+\s+){0,2}?(?:per\s+il\s+ruolo|di\s+assunzione|contrattuale|economica|per\s+la\s+posizione)",
    ),
    "offer_subject": (
        r"proposta\s+(?:di\s+assunzione|contrattuale|economica)",
        r"lettera\s+(?:di\s+)?(?:assunzione|offerta)",
        r"offerta\s+di\s+assunzione",
    ),
    "pay": (
        r"ral",
        r"retribuzione\s+annua\s+lorda",
        r"retribuzione",
        r"stipendio",
        r"lordi\s+annui",
        r"buoni\s+pasto",
        r"premio\s+di\s+risultato",
        r"mensilità",
    ),
    "start": (
        r"data\s+(?:di\s+)?(?:inizio|assunzione|decorrenza)",
        r"(?:inizio|ingresso)\s+(?:in\s+servizio|previsto)",
        r"primo\s+giorno\s+di\s+lavoro",
        r"decorrenza",
    ),
    "agreement": (
        r"contratto\s+(?:a\s+tempo\s+(?:indeterminato|determinato)|di\s+lavoro)",
        r"ccnl",
        r"firmare\s+il\s+contratto",
        r"periodo\s+di\s+prova",
    ),
    "ooo_subject": (r"risposta\s+automatica", r"fuori\s+(?:sede|ufficio)", r"assente", r"assenza", r"ferie"),
    "ooo_away": (
        r"(?:sono|sarò)\s+(?:\w+\s+){0,2}?(?:fuori\s+(?:sede|ufficio)|in\s+ferie|assente|in\s+congedo|in\s+viaggio)",
    ),
    "ooo_return": (
        r"(?:rientr\w*|di\s+ritorno|tornerò)\s+(?:\w+\s+){0,3}?(?:il|lunedì|martedì|mercoledì|giovedì|venerdì|\d)",
        r"al\s+mio\s+rientro",
    ),
    "ack": (
        r"grazie\s+per\s+(?:aver\w*\s+)?(?:inviato\s+)?(?:la\s+)?(?:sua|tua)\s+candidatura",
        r"(?:abbiamo\s+)?ricevuto\s+(?:la\s+)?(?:sua|tua)\s+candidatura",
        r"candidatura\s+ricevuta",
        r"conferma\s+(?:di\s+)?ricezione",
    ),
    # the candidate asked for days and times ("Quais dias e horários você teria disponíveis?")
    "asks": (
        r"(?:quali\s+sono\s+)?(?:le\s+)?(?:tue|sue|vostre)\s+disponibilit[àa]",
        r"quando\s+(?:saresti|sarebbe|sei|[èe])\s+disponibile",
    ),
    "process": (
        r"prossimi\s+passi",
        r"prossimo\s+step",
        r"(?:le|ti|vi)\s+(?:faremo|farò|daremo|darò)\s+sapere",
        r"(?:la|ti|vi)\s+aggiorner(?:emo|ò)",
        r"(?:le|ti)\s+daremo\s+(?:un\s+)?riscontro",
    ),
    "non_employer": (
        r"giornalist\w*",
        r"intervista\s+per\s+(?:il|la|un|una)\s+(?:giornale|rivista|blog|podcast|testata)",
    ),
    "negative_topic": (
        r"offerte\s+di\s+lavoro\s+per\s+te",
        r"nuove\s+offerte",
        r"annunci\s+(?:simili|consigliati|per\s+te)",
        r"visita\s+medica",
    ),
}

LANGUAGES: dict[str, dict[str, tuple[str, ...]]] = {
    "es": SPANISH,
    "pt": PORTUGUESE,
    "de": GERMAN,
    "fr": FRENCH,
    "nl": DUTCH,
    "pl": POLISH,
    "sv": SWEDISH,
    "no": NORWEGIAN,
    "da": DANISH,
    "it": ITALIAN,
}

# --- dates and times ---------------------------------------------------------------------

#: month names and abbreviations by language, January first. Abbreviations that are words of
#: another language ("set", "out", "ago") are left out: they are read only spelt in full
MONTHS: dict[str, tuple[str, ...]] = {
    "es": (
        "enero ene",
        "febrero",
        "marzo",
        "abril abr",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre setiembre",
        "octubre",
        "noviembre",
        "diciembre dic",
    ),
    "pt": (
        "janeiro",
        "fevereiro fev",
        "março marco",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
    # "mrt" is the Dutch short March; "mei" May
    "nl": (
        "januari",
        "februari",
        "maart mrt",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    # the genitive after a day ("15 października") and the nominative; "sie" (August) is the
    # German "Sie" and is left out
    "pl": (
        "stycznia styczeń sty",
        "lutego luty lut",
        "marca marzec",
        "kwietnia kwiecień kwi",
        "maja maj",
        "czerwca czerwiec cze",
        "lipca lipiec lip",
        "sierpnia sierpień",
        "września wrzesień wrz",
        "października październik paź",
        "listopada listopad lis",
        "grudnia grudzień gru",
    ),
    # "mar" and "dec" are English already; "maj"/"mai" May
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"),
    "no": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember des"),
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"),
    # "ago" (agosto) and "set" (settembre) are English words: only spelt in full, or "sett"
    "it": ("gennaio gen", "febbraio feb", "marzo", "aprile apr", "maggio mag", "giugno giu", "luglio lug", "agosto",
           "settembre sett", "ottobre ott", "novembre", "dicembre dic"),
}
#: weekday names by language, Monday first (Portuguese "segunda-feira" and its short "seg.")
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "es": ("lunes", "martes", "miércoles miercoles mié", "jueves", "viernes", "sábado sabado", "domingo"),
    "pt": (
        "segunda-feira segunda seg",
        "terça-feira terca-feira terça terca ter",
        "quarta-feira quarta qua",
        "quinta-feira quinta qui",
        "sexta-feira sexta sex",
        "sábado sabado sáb",
        "domingo dom",
    ),
    # the short forms ("ma", "di", "do": "Do" and "MA" are also English) are left out
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    # with the accusative of "w środę", "w piątek"; the short "pon.", "wt.", "śr.", "czw.", "pt."
    "pl": (
        "poniedziałek poniedziałku pon",
        "wtorek wtorku wt",
        "środa środę środy śr",
        "czwartek czwartku czw",
        "piątek piątku pt",
        "sobota sobotę soboty sob",
        "niedziela niedzielę niedzieli niedz",
    ),
    # with the definite form ("tisdagen"); the short "tis", "ons", "fre" are words elsewhere: weak
    "sv": (
        "måndag måndagen mån",
        "tisdag tisdagen tis",
        "onsdag onsdagen ons",
        "torsdag torsdagen tors",
        "fredag fredagen fre",
        "lördag lördagen lör",
        "söndag söndagen sön",
    ),
    "no": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    # "mar" is March in English: left out; the other short forms are weak
    "it": ("lunedì lunedi lun", "martedì martedi", "mercoledì mercoledi mer", "giovedì giovedi gio",
           "venerdì venerdi ven", "sabato sab", "domenica"),
}
#: words for a day counted from today, by language ("übermorgen" is the day after tomorrow). Read
#: as whole words, not after "guten" or "am" ("Guten Morgen", "am Morgen" are a time of day)
RELATIVE_DAYS: dict[str, dict[str, int]] = {
    "de": {"morgen": 1, "übermorgen": 2, "uebermorgen": 2, "ubermorgen": 2},
    "nl": {"morgen": 1, "overmorgen": 2},
    "pl": {"jutro": 1, "pojutrze": 2, "jutrzejsza": 1, "jutrzejszą": 1, "jutrzejsze": 1, "jutrzejszej": 1,
           "jutrzejszy": 1, "jutrzejszego": 1},
    "sv": {"imorgon": 1, "övermorgon": 2, "overmorgon": 2},
    "no": {"imorgen": 1, "overmorgen": 2},
    "da": {"imorgen": 1, "overmorgen": 2},
    "it": {"domani": 1, "dopodomani": 2},
}
#: weekday abbreviations that are words in these or other languages: only next to a date or time
WEAK_WEEKDAYS = frozenset(
    {"seg", "ter", "qua", "qui", "sex", "dom", "mié", "segunda", "quarta", "quinta", "sexta", "domingo",
     "pon", "wt", "śr", "czw", "pt", "sob", "niedz", "mån", "tis", "ons", "tors", "fre", "lör", "sön",
     "lun", "mer", "gio", "ven", "sab"}
)
#: small words between a date's parts or a date and its time ("15 de abril de 2026 a las 10:00")
GLUE = (
    "de",
    "del",
    "el",
    "la",
    "las",
    "a",
    "às",
    "as",
    "en",
    "em",
    "no",
    "dia",
    "día",
    "hora",
    "horas",
    "fecha",
    "data",
    "hs",
    "om",
    "van",
    "o",
    "godz",
    "godz.",
    "godzinie",
    "dnia",
    "r.",
    "den",
    "kl",
    "kl.",
    "klockan",
    "klokken",
    # Italian: "lunedì 3 novembre alle ore 14:30", "giovedì 18/9 h. 9.30"
    "alle",
    "ore",
    "h",
    "h.",
    "il",
    # a range's "from": Portuguese "das 9h30 às 13h00", Italian "dalle 9.30 alle 13", Spanish "desde las 10"
    "das",
    "dalle",
    "desde",
)
#: words that join a clock range ("de 10h a 11h", "de 9:00 hasta 10:00", "das 14h às 15h")
RANGE = ("a", "às", "as", "hasta", "até", "ate", "à", "tot", "do", "alle")
#: words after which a clock-like "1h30" is a length, not a time ("durée : 1h30")
DURATION_LEAD = ("durée", "duree", "duración", "duracion", "duração", "duracao", "durata")
#: "hora de Brasília", "horário de Lisboa": the word that makes the next words a zone
ZONE_LEAD = ("hora", "horario", "horário", "heure", "czasu", "ora")
#: zone words that follow ZONE_LEAD, besides the cities zones.py knows
ZONE_WORDS: dict[str, str] = {
    "brasília": "America/Sao_Paulo",
    "brasilia": "America/Sao_Paulo",
    "são paulo": "America/Sao_Paulo",
    "sao paulo": "America/Sao_Paulo",
    "rio de janeiro": "America/Sao_Paulo",
    "peninsular": "Europe/Madrid",
    "península": "Europe/Madrid",
    "españa": "Europe/Madrid",
    "madrid": "Europe/Madrid",
    "canaria": "Atlantic/Canary",
    "canarias": "Atlantic/Canary",
    "ciudad de méxico": "America/Mexico_City",
    "ciudad de mexico": "America/Mexico_City",
    "méxico": "America/Mexico_City",
    "mexico": "America/Mexico_City",
    "cdmx": "America/Mexico_City",
    "santiago": "America/Santiago",
    "chile": "America/Santiago",
    "lisboa": "Europe/Lisbon",
    "portugal": "Europe/Lisbon",
    "buenos aires": "America/Argentina/Buenos_Aires",
    "argentina": "America/Argentina/Buenos_Aires",
    "bogotá": "America/Bogota",
    "bogota": "America/Bogota",
    "colombia": "America/Bogota",
    "lima": "America/Lima",
    "monterrey": "America/Monterrey",
    "centro de méxico": "America/Mexico_City",
    "centro de mexico": "America/Mexico_City",
    "perú": "America/Lima",
    "peru": "America/Lima",
    "montevideo": "America/Montevideo",
    "uruguay": "America/Montevideo",
    # French ("heure de Paris", "heure de l'Est", "heure du Pacifique", "heure d'Europe centrale")
    "paris": "Europe/Paris",
    "france": "Europe/Paris",
    "genève": "Europe/Zurich",
    "geneve": "Europe/Zurich",
    "lausanne": "Europe/Zurich",
    "suisse": "Europe/Zurich",
    "bruxelles": "Europe/Brussels",
    "belgique": "Europe/Brussels",
    "luxembourg": "Europe/Luxembourg",
    "montréal": "America/Toronto",
    "montreal": "America/Toronto",
    "québec": "America/Toronto",
    "quebec": "America/Toronto",
    "l'est": "America/Toronto",
    "l’est": "America/Toronto",
    "l'est normale": "America/Toronto",
    "normale de l'est": "America/Toronto",
    "avancée de l'est": "America/Toronto",
    "du centre": "America/Chicago",
    "des rocheuses": "America/Edmonton",
    "du pacifique": "America/Vancouver",
    "de l'atlantique": "America/Halifax",
    "d'europe centrale": "Europe/Paris",
    "d’europe centrale": "Europe/Paris",
    "de l'europe centrale": "Europe/Paris",
    "normale d'europe centrale": "Europe/Paris",
    # Italian ("ore 15 ora italiana", "ora di Roma", "ora svizzera")
    "italiana": "Europe/Rome",
    "roma": "Europe/Rome",
    "italia": "Europe/Rome",
    "svizzera": "Europe/Zurich",
    "di roma": "Europe/Rome",
    # Polish ("16:00 czasu polskiego")
    "polskiego": "Europe/Warsaw",
    "warszawskiego": "Europe/Warsaw",
    "środkowoeuropejskiego": "Europe/Warsaw",
    "srodkowoeuropejskiego": "Europe/Warsaw",
}

#: Dutch names the zone before the word for time ("Nederlandse tijd", "Belgische tijd")
ZONE_BEFORE: dict[str, str] = {
    "nederlandse": "Europe/Amsterdam",
    "amsterdamse": "Europe/Amsterdam",
    "belgische": "Europe/Brussels",
    "brusselse": "Europe/Brussels",
    "svensk": "Europe/Stockholm",
    "norsk": "Europe/Oslo",
    "dansk": "Europe/Copenhagen",
    "finsk": "Europe/Helsinki",
}
ZONE_TRAIL = ("tijd", "tid")


#: function words of the languages that write numeric dates day first ("martes 9/9", "12/01/2026"),
#: and of English, which writes them either way: a text mostly in the first is read day first
#: whatever the Date header's offset says. Words two of these languages share count for both.
DAYFIRST_WORDS: dict[str, str] = {
    "es": "el los las del que para con por una es su nos hola gracias saludos entrevista las semana",
    "pt": "o os da dos das não nao para com uma você voce obrigado olá ola em na às entrevista",
    "fr": "le les des du est pour avec nous vous une bonjour merci entretien",
    "de": "der die das und ist für mit wir sie ihr ein eine nicht uhr gespräch",
    "it": "il della con che sono una ciao grazie alle colloquio",
    "nl": "de het een en voor met wij je jullie op uur gesprek",
    "pl": "i w z na się że nie jest dla od jak po czy pan pani dzień dziękuję pozdrawiam rozmowa termin",
    "sv": "och att det som för med är på till av har inte en ett vi du dig hej tack intervju",
    "no": "og å det som for med er på til av har ikke en et vi du deg hei takk intervju",
    "da": "og at det som for med er på til af har ikke en et vi du dig hej tak samtale",
}
MONTHFIRST_WORDS = "the and to of you your for with is we at on in be will please this our are"


@cache
def accent_tolerant(fragment: str) -> str:
    """``fragment`` with each accented letter outside a character class also matching its
    plain form (inside one, "[oó]", the writer has already said what is accepted)."""
    out: list[str] = []
    in_class = escaped = False
    for ch in fragment:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        elif not in_class and ch in _ACCENTS:
            out.append(_ACCENTS[ch])
            continue
        out.append(ch)
    return "".join(out)


def fragments(concept: str, langs: Collection[str] | None = None) -> list[str]:
    """Every language's fragments for ``concept`` (or those of ``langs``), accent-tolerant."""
    out: list[str] = []
    for lang, table in LANGUAGES.items():
        if langs is not None and lang not in langs:
            continue
        for frag in table.get(concept, ()):
            tolerant = accent_tolerant(frag)
            if tolerant not in out:
                out.append(tolerant)
    return out


def pattern(concept: str, lang: str | Collection[str] | None = None) -> str:
    """One alternation of the fragments for ``concept`` (of one language, of several, or of
    all), as whole words; an empty string when there are none."""
    if isinstance(lang, str):
        found = [accent_tolerant(f) for f in LANGUAGES[lang].get(concept, ())]
    else:
        found = fragments(concept, lang)
    return r"\b(?:" + "|".join(found) + r")\b" if found else ""


def words(table: dict[str, tuple[str, ...]]) -> list[tuple[int, list[str]]]:
    """(index, names) per row of a MONTHS or WEEKDAYS table, all languages merged."""
    rows: dict[int, list[str]] = {}
    for names in table.values():
        for i, row in enumerate(names):
            rows.setdefault(i, []).extend(n for n in row.split() if n not in rows.get(i, []))
    return sorted(rows.items())


# --- which languages a message is written in ----------------------------------------------
# Each table's words are merged into the English patterns, so every message pays for every
# language: compiling them takes most of a first scan's pattern time, and searching them most
# of an English message's analysis. A language is read only in mail that shows it: by its
# commonest words (a sentence in it can hardly do without them), its greetings and sign-offs,
# its month and weekday names, or a letter only it writes. Showing a language that is not there
# costs only time; missing one that is would change an answer, so the lists err generously.

#: words of one language that English mail does not use: one is enough
_STRONG: dict[str, str] = {
    "es": "hola gracias saludos saludo estimado estimada estimados cordial cordiales atentamente entrevista "
    "entrevistas usted ustedes nosotros queremos tenemos podemos puedes puede podrías podrias quisiéramos "
    "quisieramos nuestra nuestro nuestros nuestras también tambien está están estamos será sería próximo "
    "proximo próxima proxima mañana manana semana horas vacante puesto proceso candidatura confirmamos confirmo "
    "perfecto reunión reunion llamada cuando desde hasta porque pero muchas muchos buenos buenas días dias "
    "tardes después despues equipo empresa oferta cita adjunto cualquier duda dudas quedo atento atenta "
    "agradecemos lamentamos lamentablemente vemos para con por que nos",
    "pt": "olá obrigado obrigada abraço abraços atenciosamente prezado prezada prezados entrevista você voce "
    "vocês voces nós gostaríamos gostariamos gostaria não nao está estamos será próxima proxima próximo "
    "proximo amanhã amanha feira semana horário horario vaga processo candidatura confirmado confirmada reunião "
    "reuniao ligação ligacao quando até então entao também tambem muito equipe empresa proposta oferta dúvida "
    "duvida dúvidas duvidas fico às pela pelo para por que",
    "de": "hallo liebe lieber sehr geehrte geehrter geehrten grüße grüßen gruesse gruß gruss viele beste "
    "freundlichen danke vielen dank ihnen ihre ihr ihrer ihren wir uns unser unsere unserem unseren unserer sie "
    "und der das ist sind nicht für fuer auf bei bitte gerne gern termin termine gespräch gespraech "
    "vorstellungsgespräch bewerbung stelle uhr morgen übermorgen woche nächste nächsten naechste naechsten "
    "passt schon auch noch oder wenn kannst kann können koennen möchten moechten würden wuerden haben hast bist "
    "dich euch leider absage zusage einladung bis zum zur eine einen einem einer vom nach wie dass daß",
    "fr": "bonjour bonsoir merci cordialement salutations madame monsieur cher chère chere nous vous votre vos notre "
    "sont avec pour dans sur pas une aux entretien entretiens candidature poste rendez disponibilités "
    "disponibilites disponible demain semaine prochain prochaine heure heures très tres bien bonne "
    "aujourd cette je suis sommes avons avez pouvez souhaitons souhaiterions serait sera où qui quand mais aussi "
    "équipe equipe société societe recrutement",
    "nl": "hoi groet groeten vriendelijke het een voor niet wij jij jou jouw uw ons onze zijn hebben heb wordt "
    "worden graag bedankt alvast gesprek gesprekken sollicitatie sollicitatiegesprek vacature functie "
    "overmorgen volgende uur tijd bij naar ook nog maar wel kunnen kun kunt zou zullen gaat ziens",
    "sv": "och är inte hej hälsningar vänliga hälsning ansökan tjänsten vecka imorgon gärna vill kommer också "
    "eller mycket tyvärr vänligen därför ännu några också välkommen bokat trevlig kallelse inbjudan",
    "no": "og ikke hei hilsen vennlig takk søknad stillingen uke imorgen gjerne ønsker kommer også eller veldig "
    "dessverre hvis noen velkommen invitasjon deg",
    "da": "og ikke hej hilsen venlig venlige mange tak ansøgning stillingen uge imorgen gerne ønsker kommer også "
    "eller meget desværre hvis nogle velkommen invitation dig jeg vores",
    "it": "buongiorno buonasera gentile gentilissimo gentilissima egregio egregia cordiali saluti distinti "
    "ringrazio ringraziamo cordialmente colloquio colloqui candidatura selezione posizione disponibilità "
    "disponibile domani dopodomani settimana prossima prossimo lunedì martedì mercoledì giovedì venerdì "
    "sede ufficio sarebbe vorremmo vorrei abbiamo siamo sono nostro nostra nostri vostro vostra sua perché "
    "anche già giorno giorni azienda stabilimento confermo confermiamo grazie mille ciao volentieri "
    "buona giornata incontro chiamata gennaio febbraio marzo aprile maggio giugno luglio settembre ottobre "
    "novembre dicembre",
    "pl": "dzień dzien dobry witam witaj cześć czesc pozdrawiam pozdrowienia dziękuję dziekuje dzięki dzieki "
    "serdecznie pani państwo panstwo się sie że nie jest są dla jak czy rozmowa rozmowy rozmowę rozmowe "
    "rozmowie rekrutacja rekrutacji rekrutacyjna rekrutacyjnej termin spotkanie spotkania godzina godz jutro "
    "tydzień tydzien będzie bedzie możemy mozemy może moze proszę prosze bardzo oferta ofertę oferte firma "
    "zespół zespol również rowniez chcielibyśmy chcielibysmy",
}

#: words a language shares with English or with names ("de", "la", "die", "est" as the zone):
#: two of them are needed
_WEAK: dict[str, str] = {
    "es": "el la de en y es su sus te al lo se mi tu le un los las del una gusto",
    "pt": "os da de em na se te dos das uma sim abs",
    "de": "im es zu mit von ein dir lg vg mfg",
    "fr": "le la les des du au et est ce ou que de en un suite",
    "nl": "de en je op om van als dat tot",
    "pl": "w z na po od ze pan",
    "it": "il di la le che per un una del della al alla ci ti ore è lei",
    "sv": "med det som för på till av har en ett vi du dig tack bra",
    "no": "det som for med er på til av har en et vi du",
    "da": "det som for med er på til af har en et vi du",
}

#: letters only these languages write (ü and é are in too many names to count)
_LETTERS: dict[str, str] = {
    "es": "ñ¿¡",
    "pt": "ãõ",
    "de": "ßäö",
    "fr": "èêàùœç",
    "pl": "ąćęłńśźż",
    "sv": "åäö",
    "no": "æøå",
    "da": "æøå",
    "it": "ìò",
}

#: month and weekday names, and words of the tables, that English mail uses too
_ENGLISH_NAMES = frozenset(
    "april august september october november december marco "
    "recruiter podcast cv rh absence videocall bonus episode curriculum reunion report candidate "
    "semester fika snak interview".split()
)

#: a table's fragment that is one word ("kennismaking", "abgesagt"), or one with an optional last letter
_ONE_WORD = patterns.compile(r"([^\W\d_]+)(?:([^\W\d_])\?)?")


def _table_words(lang: str) -> set[str]:
    """The words of ``lang``'s table written out whole: a message using one is in that language
    even when the rest of it is English (a Dutch event name in a scheduling tool's mail)."""
    out: set[str] = set()
    for frags in LANGUAGES[lang].values():
        for frag in frags:
            m = _ONE_WORD.fullmatch(frag)
            if m is None:
                continue
            forms = {m.group(1)} if m.group(2) is None else {m.group(1), m.group(1) + m.group(2)}
            out |= forms | {_plain(w) for w in forms}
    return out


def _plain(word: str) -> str:
    return "".join(_PLAIN_LETTERS.get(c, c) for c in word)


_PLAIN_LETTERS = {accented: cls[1] for accented, cls in _ACCENTS.items() if cls.startswith("[")}


def _markers(lang: str) -> frozenset[str]:
    names = {
        w
        for row in (*MONTHS.get(lang, ()), *WEEKDAYS.get(lang, ()))
        for w in row.split()
        if len(w) >= 5
    }
    return (frozenset(_STRONG[lang].split()) | names | _table_words(lang)) - _ENGLISH_NAMES


_STRONG_WORDS: dict[str, frozenset[str]] = {lang: _markers(lang) for lang in LANGUAGES}
_WEAK_WORDS: dict[str, frozenset[str]] = {lang: frozenset(_WEAK[lang].split()) for lang in LANGUAGES}
_ANY_MARKER = frozenset().union(*_STRONG_WORDS.values(), *_WEAK_WORDS.values())
#: a word, letters only
_WORD = patterns.compile(r"[^\W\d_]+")
_ALL_LETTERS = frozenset("".join(_LETTERS.values()))


def languages_shown(text: str) -> frozenset[str]:
    """The languages of :data:`LANGUAGES` that ``text`` shows (see above); empty for English."""
    low = text.lower()
    found: set[str] = set()
    if not low.isascii():
        letters = _ALL_LETTERS.intersection(low)
        found.update(lang for lang, chars in _LETTERS.items() if not letters.isdisjoint(chars))
    words = _ANY_MARKER.intersection(_WORD.findall(low))
    if words:
        for lang in LANGUAGES:
            if lang in found:
                continue
            if not words.isdisjoint(_STRONG_WORDS[lang]) or len(words & _WEAK_WORDS[lang]) >= 2:
                found.add(lang)
    return frozenset(found)

/* dpo-request-letter-templates.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "dpo-request-letter.h"
#include "dpo-template.h"

/* The built-in templates, in English and in French. They are not run
 * through gettext: the DPO edits a template in one language, as the letter
 * will read, and a letter never mixes an edited text with a translated one.
 * Paragraphs are separated by a blank line; a line starting with "- " is a
 * bullet; a placeholder that expands to nothing leaves no empty paragraph. */

static const char * const WORDS[] = {
  [DPO_LETTER_TEMPLATE_ACKNOWLEDGEMENT] = "acknowledgement",
  [DPO_LETTER_TEMPLATE_IDENTITY] = "identity",
  [DPO_LETTER_TEMPLATE_EXTENSION] = "extension",
  [DPO_LETTER_TEMPLATE_REFUSAL] = "refusal",
  [DPO_LETTER_TEMPLATE_ACCESS] = "access",
  [DPO_LETTER_TEMPLATE_RECTIFICATION] = "rectification",
  [DPO_LETTER_TEMPLATE_ERASURE] = "erasure",
  [DPO_LETTER_TEMPLATE_ANSWER] = "answer",
};

G_STATIC_ASSERT (G_N_ELEMENTS (WORDS) == DPO_N_LETTER_TEMPLATES);

static const char * const PLACEHOLDERS[] = {
  "date", "name", "first_name", "last_name", "request_id", "request_kind", "received_on",
  "due_on", "extended_due_on", "extension_reason", "answered_on", "outcome", "refusal_ground",
  "erasure_earliest", "organisation", "dpo_name", "cnil_address", "processing",
  "personal_data", "contracts", "requests", "incidents", NULL
};

typedef struct
{
  const char *subject;
  const char *body;
} Text;

#define CLOSING_EN "Yours sincerely,"
#define CLOSING_FR "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos " \
                   "salutations distinguées."

static const Text ENGLISH[] = {
  [DPO_LETTER_TEMPLATE_ACKNOWLEDGEMENT] = {
    "Your request {{request_id}}: acknowledgement of receipt",
    "Dear {{name}},\n\n"
    "We received your request {{request_kind}} on {{received_on}}. Its reference is "
    "{{request_id}}: please quote it in any reply.\n\n"
    "We will answer it by {{due_on}} at the latest, as the General Data Protection Regulation "
    "provides (Article 12(3)). Should we need more time, because of the complexity or the "
    "number of requests, we will tell you before that date, with the reason.\n\n"
    CLOSING_EN },
  [DPO_LETTER_TEMPLATE_IDENTITY] = {
    "Your request {{request_id}}: proof of identity",
    "Dear {{name}},\n\n"
    "We received your request {{request_kind}} on {{received_on}} (reference "
    "{{request_id}}). Before we answer it, we must be sure that we are answering the person "
    "the data concern, so that no one else receives them (Article 12(6) of the General Data "
    "Protection Regulation).\n\n"
    "Please send us a copy of an identity document (identity card, passport or residence "
    "permit), by post or by email to the data protection officer at the address above. "
    "Please do not send the original.\n\n"
    "We will answer as soon as your identity is confirmed.\n\n"
    CLOSING_EN },
  [DPO_LETTER_TEMPLATE_EXTENSION] = {
    "Your request {{request_id}}: extension of the time to answer",
    "Dear {{name}},\n\n"
    "Your request {{request_kind}} of {{received_on}} (reference {{request_id}}) was to be "
    "answered by {{due_on}}. We need more time: the period is extended by two months, as "
    "Article 12(3) of the General Data Protection Regulation allows.\n\n"
    "The reason: {{extension_reason}}\n\n"
    "We will answer by {{extended_due_on}} at the latest.\n\n"
    CLOSING_EN },
  [DPO_LETTER_TEMPLATE_REFUSAL] = {
    "Your request {{request_id}}: our answer",
    "Dear {{name}},\n\n"
    "We received your request {{request_kind}} on {{received_on}} (reference "
    "{{request_id}}). We cannot grant it, for the following reason:\n\n"
    "{{refusal_ground}}\n\n"
    "{{erasure_earliest}}\n\n"
    "If you disagree, you have the right to lodge a complaint with the Commission nationale de "
    "l’informatique et des libertés (CNIL): {{cnil_address}}.\n\n"
    "You also have the right to an effective judicial remedy before the courts (Article 79 of "
    "the General Data Protection Regulation).\n\n"
    CLOSING_EN },
  [DPO_LETTER_TEMPLATE_ACCESS] = {
    "Your request {{request_id}}: your personal data",
    "Dear {{name}},\n\n"
    "In answer to your request {{request_kind}} of {{received_on}} (reference "
    "{{request_id}}), here is the information Article 15 of the General Data Protection "
    "Regulation provides, then the data we hold about you.\n\n"
    "{{processing}}\n\n"
    "{{personal_data}}\n\n"
    "{{contracts}}\n\n"
    "{{requests}}\n\n"
    "{{incidents}}\n\n"
    CLOSING_EN },
  [DPO_LETTER_TEMPLATE_RECTIFICATION] = {
    "Your request {{request_id}}: your data were rectified",
    "Dear {{name}},\n\n"
    "Following your request {{request_kind}} of {{received_on}} (reference {{request_id}}), "
    "your data were rectified on {{answered_on}}.\n\n"
    "{{outcome}}\n\n"
    "The recipients of your data will be told of the rectification (Article 19 of the General "
    "Data Protection Regulation).\n\n"
    CLOSING_EN },
  [DPO_LETTER_TEMPLATE_ERASURE] = {
    "Your request {{request_id}}: your data were erased",
    "Dear {{name}},\n\n"
    "Following your request {{request_kind}} of {{received_on}} (reference {{request_id}}), "
    "your personal data and your contracts were erased from our files on {{answered_on}}.\n\n"
    "We keep only the record of your request and of this answer, without your data, to be "
    "able to show that we answered it (Article 5(2) of the General Data Protection "
    "Regulation).\n\n"
    CLOSING_EN },
  [DPO_LETTER_TEMPLATE_ANSWER] = {
    "Your request {{request_id}}: our answer",
    "Dear {{name}},\n\n"
    "Following your request {{request_kind}} of {{received_on}} (reference {{request_id}}), "
    "here is what we did on {{answered_on}}:\n\n"
    "{{outcome}}\n\n"
    CLOSING_EN },
};

static const Text FRENCH[] = {
  [DPO_LETTER_TEMPLATE_ACKNOWLEDGEMENT] = {
    "Votre demande {{request_id}} : accusé de réception",
    "Madame, Monsieur,\n\n"
    "Nous avons bien reçu le {{received_on}} votre demande {{request_kind}}. Sa référence est "
    "{{request_id}} : merci de la rappeler dans toute réponse.\n\n"
    "Nous y répondrons au plus tard le {{due_on}}, comme le prévoit le règlement général sur "
    "la protection des données (article 12, paragraphe 3). Si la complexité ou le nombre des "
    "demandes nous imposait un délai supplémentaire, nous vous en informerions avant cette "
    "date, en vous en donnant le motif.\n\n"
    CLOSING_FR },
  [DPO_LETTER_TEMPLATE_IDENTITY] = {
    "Votre demande {{request_id}} : justificatif d’identité",
    "Madame, Monsieur,\n\n"
    "Nous avons bien reçu le {{received_on}} votre demande {{request_kind}} (référence "
    "{{request_id}}). Avant d’y répondre, nous devons nous assurer que nous répondons à la "
    "personne concernée, afin que personne d’autre ne reçoive ses données (article 12, "
    "paragraphe 6, du règlement général sur la protection des données).\n\n"
    "Merci de nous adresser la copie d’une pièce d’identité (carte nationale d’identité, "
    "passeport ou titre de séjour), par courrier ou par courriel au délégué à la protection "
    "des données, à l’adresse ci-dessus. N’envoyez pas l’original.\n\n"
    "Nous vous répondrons dès que votre identité sera confirmée.\n\n"
    CLOSING_FR },
  [DPO_LETTER_TEMPLATE_EXTENSION] = {
    "Votre demande {{request_id}} : prolongation du délai de réponse",
    "Madame, Monsieur,\n\n"
    "Votre demande {{request_kind}} du {{received_on}} (référence {{request_id}}) devait "
    "recevoir une réponse au plus tard le {{due_on}}. Il nous faut davantage de temps : le "
    "délai est prolongé de deux mois, comme le permet l’article 12, paragraphe 3, du "
    "règlement général sur la protection des données.\n\n"
    "Le motif : {{extension_reason}}\n\n"
    "Nous vous répondrons au plus tard le {{extended_due_on}}.\n\n"
    CLOSING_FR },
  [DPO_LETTER_TEMPLATE_REFUSAL] = {
    "Votre demande {{request_id}} : notre réponse",
    "Madame, Monsieur,\n\n"
    "Nous avons bien reçu le {{received_on}} votre demande {{request_kind}} (référence "
    "{{request_id}}). Nous ne pouvons pas y donner suite, pour le motif suivant :\n\n"
    "{{refusal_ground}}\n\n"
    "{{erasure_earliest}}\n\n"
    "Si vous êtes en désaccord, vous avez le droit d’introduire une réclamation auprès de la "
    "Commission nationale de l’informatique et des libertés (CNIL) : {{cnil_address}}.\n\n"
    "Vous disposez également du droit à un recours juridictionnel effectif devant les "
    "tribunaux (article 79 du règlement général sur la protection des données).\n\n"
    CLOSING_FR },
  [DPO_LETTER_TEMPLATE_ACCESS] = {
    "Votre demande {{request_id}} : vos données personnelles",
    "Madame, Monsieur,\n\n"
    "En réponse à votre demande {{request_kind}} du {{received_on}} (référence "
    "{{request_id}}), voici les informations que prévoit l’article 15 du règlement général "
    "sur la protection des données, puis les données que nous détenons sur vous.\n\n"
    "{{processing}}\n\n"
    "{{personal_data}}\n\n"
    "{{contracts}}\n\n"
    "{{requests}}\n\n"
    "{{incidents}}\n\n"
    CLOSING_FR },
  [DPO_LETTER_TEMPLATE_RECTIFICATION] = {
    "Votre demande {{request_id}} : vos données ont été rectifiées",
    "Madame, Monsieur,\n\n"
    "À la suite de votre demande {{request_kind}} du {{received_on}} (référence "
    "{{request_id}}), vos données ont été rectifiées le {{answered_on}}.\n\n"
    "{{outcome}}\n\n"
    "Les destinataires de vos données seront informés de cette rectification (article 19 du "
    "règlement général sur la protection des données).\n\n"
    CLOSING_FR },
  [DPO_LETTER_TEMPLATE_ERASURE] = {
    "Votre demande {{request_id}} : vos données ont été effacées",
    "Madame, Monsieur,\n\n"
    "À la suite de votre demande {{request_kind}} du {{received_on}} (référence "
    "{{request_id}}), vos données personnelles et vos contrats ont été effacés de nos "
    "fichiers le {{answered_on}}.\n\n"
    "Nous ne conservons que la trace de votre demande et de cette réponse, sans vos données, "
    "afin de pouvoir démontrer que nous y avons répondu (article 5, paragraphe 2, du règlement "
    "général sur la protection des données).\n\n"
    CLOSING_FR },
  [DPO_LETTER_TEMPLATE_ANSWER] = {
    "Votre demande {{request_id}} : notre réponse",
    "Madame, Monsieur,\n\n"
    "À la suite de votre demande {{request_kind}} du {{received_on}} (référence "
    "{{request_id}}), voici ce que nous avons fait le {{answered_on}} :\n\n"
    "{{outcome}}\n\n"
    CLOSING_FR },
};

G_STATIC_ASSERT (G_N_ELEMENTS (ENGLISH) == DPO_N_LETTER_TEMPLATES);
G_STATIC_ASSERT (G_N_ELEMENTS (FRENCH) == DPO_N_LETTER_TEMPLATES);

const char *
dpo_letter_template_to_word (DpoLetterTemplate id)
{
  g_return_val_if_fail (id < DPO_N_LETTER_TEMPLATES, NULL);
  return WORDS[id];
}

gboolean
dpo_letter_template_from_word (const char        *word,
                               DpoLetterTemplate *id)
{
  for (guint i = 0; i < DPO_N_LETTER_TEMPLATES; i++)
    if (g_strcmp0 (word, WORDS[i]) == 0)
      {
        *id = i;
        return TRUE;
      }
  return FALSE;
}

const char *
dpo_letter_template_label (DpoLetterTemplate id)
{
  switch (id)
    {
    case DPO_LETTER_TEMPLATE_ACKNOWLEDGEMENT:
      return _("Acknowledgement");
    case DPO_LETTER_TEMPLATE_IDENTITY:
      return _("Request for proof of identity");
    case DPO_LETTER_TEMPLATE_EXTENSION:
      return _("Extension notice");
    case DPO_LETTER_TEMPLATE_REFUSAL:
      return _("Refusal");
    case DPO_LETTER_TEMPLATE_ACCESS:
      return _("Access answer");
    case DPO_LETTER_TEMPLATE_RECTIFICATION:
      return _("Rectification confirmation");
    case DPO_LETTER_TEMPLATE_ERASURE:
      return _("Erasure confirmation");
    case DPO_LETTER_TEMPLATE_ANSWER:
      return _("Answer");
    case DPO_N_LETTER_TEMPLATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

DpoLetterTemplate
dpo_letter_template_for (DpoLetterKind      kind,
                         const DpoRequest  *request)
{
  switch (kind)
    {
    case DPO_LETTER_ACKNOWLEDGEMENT:
      return DPO_LETTER_TEMPLATE_ACKNOWLEDGEMENT;
    case DPO_LETTER_IDENTITY:
      return DPO_LETTER_TEMPLATE_IDENTITY;
    case DPO_LETTER_EXTENSION:
      return DPO_LETTER_TEMPLATE_EXTENSION;
    case DPO_LETTER_REFUSAL:
      return DPO_LETTER_TEMPLATE_REFUSAL;
    case DPO_LETTER_ANSWER:
    case DPO_N_LETTER_KINDS:
    default:
      break;
    }
  switch (dpo_request_get_kind (request))
    {
    case DPO_REQUEST_ACCESS:
    case DPO_REQUEST_PORTABILITY:
      return DPO_LETTER_TEMPLATE_ACCESS;
    case DPO_REQUEST_RECTIFICATION:
      return DPO_LETTER_TEMPLATE_RECTIFICATION;
    case DPO_REQUEST_ERASURE:
      return DPO_LETTER_TEMPLATE_ERASURE;
    case DPO_REQUEST_RESTRICTION:
    case DPO_REQUEST_OBJECTION:
    case DPO_REQUEST_KIND_UNKNOWN:
    case DPO_N_REQUEST_KINDS:
    default:
      return DPO_LETTER_TEMPLATE_ANSWER;
    }
}

const char *
dpo_letter_language (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  return messages != NULL && g_str_has_prefix (messages, "fr") ? "fr" : "en";
}

void
dpo_letter_template_default (DpoLetterTemplate   id,
                             const char         *language,
                             const char        **subject,
                             const char        **body)
{
  const Text *texts = g_strcmp0 (language, "fr") == 0 ? FRENCH : ENGLISH;

  g_return_if_fail (id < DPO_N_LETTER_TEMPLATES);
  *subject = texts[id].subject;
  *body = texts[id].body;
}

const char * const *
dpo_letter_template_placeholders (void)
{
  return PLACEHOLDERS;
}

gboolean
dpo_letter_template_check (const char  *subject,
                           const char  *body,
                           GError     **error)
{
  if (subject != NULL && !dpo_template_check (subject, PLACEHOLDERS, error))
    {
      g_prefix_error (error, _("The letter’s subject: "));
      return FALSE;
    }
  if (body != NULL && !dpo_template_check (body, PLACEHOLDERS, error))
    {
      g_prefix_error (error, _("The letter’s text: "));
      return FALSE;
    }
  return TRUE;
}

/* dpo-request-letter.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-letter-sender.h"
#include "dpo-request-letter.h"
#include "dpo-template.h"
#include "dpo-time.h"

/* Composes a request letter: the placeholders' values, in the letter's
 * language, then the template expanded. The blocks an access answer lists
 * (Art. 15 items, the person's data, contracts, requests, incidents) are
 * written here, laid out for a reader: labels, dates in words, the NIR in
 * its groups. */

#define CNIL_POSTAL "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07"
#define CNIL_ADDRESS "CNIL, " CNIL_POSTAL " (www.cnil.fr)"

struct _DpoRequestLetter
{
  DpoLetter   letter;
  GPtrArray  *strings;   /* owns what @letter points to */
};

typedef struct
{
  const DpoRequestLetterInput *in;
  gboolean                     french;
  GHashTable                  *values;   /* placeholder -> text */
} Composer;

/* The letter's own language, whatever the interface's. */
static const char *
tr (const Composer *c,
    const char     *english,
    const char     *french)
{
  return c->french ? french : english;
}

static void
set (Composer   *c,
     const char *name,
     char       *value)
{
  g_hash_table_replace (c->values, (gpointer) name, value != NULL ? value : g_strdup (""));
}

static char *
date_words (const char *iso_date)
{
  return iso_date != NULL ? dpo_template_format_date (iso_date) : g_strdup ("");
}

static char *
time_words (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  iso = g_date_time_format (local, "%Y-%m-%d");
  return dpo_template_format_date (iso);
}

char *
dpo_request_letter_format_nir (const char *nir)
{
  static const int GROUPS[] = { 1, 2, 2, 2, 3, 3, 2 };
  g_autoptr(GString) compact = g_string_new (NULL);
  GString *out;
  guint at = 0;

  if (nir == NULL)
    return NULL;
  for (const char *p = nir; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, g_ascii_toupper (*p));
  if (compact->len != 15)
    return g_strdup (nir);
  out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (GROUPS); i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, compact->str + at, GROUPS[i]);
      at += GROUPS[i];
    }
  return g_string_free (out, FALSE);
}

static const char *
request_kind_words (const Composer   *c,
                    const DpoRequest *request)
{
  switch (dpo_request_get_kind (request))
    {
    case DPO_REQUEST_ACCESS:
      return tr (c, "for access to your personal data", "d’accès à vos données personnelles");
    case DPO_REQUEST_RECTIFICATION:
      return tr (c, "for the rectification of your personal data",
                 "de rectification de vos données personnelles");
    case DPO_REQUEST_ERASURE:
      return tr (c, "for the erasure of your personal data",
                 "d’effacement de vos données personnelles");
    case DPO_REQUEST_RESTRICTION:
      return tr (c, "for the restriction of the processing of your data",
                 "de limitation du traitement de vos données");
    case DPO_REQUEST_PORTABILITY:
      return tr (c, "for the portability of your data", "de portabilité de vos données");
    case DPO_REQUEST_OBJECTION:
      return tr (c, "objecting to the processing of your data",
                 "d’opposition au traitement de vos données");
    case DPO_REQUEST_KIND_UNKNOWN:
    case DPO_N_REQUEST_KINDS:
    default:
      return tr (c, "about your personal data", "relative à vos données personnelles");
    }
}

static const char *
status_words (const Composer   *c,
              const DpoRequest *request)
{
  switch (dpo_request_get_status (request))
    {
    case DPO_REQUEST_ANSWERED:
      return tr (c, "answered", "traitée");
    case DPO_REQUEST_REFUSED:
      return tr (c, "refused", "refusée");
    case DPO_REQUEST_WITHDRAWN:
      return tr (c, "withdrawn", "retirée");
    case DPO_REQUEST_RECEIVED:
    case DPO_REQUEST_IN_PROGRESS:
    case DPO_REQUEST_STATUS_UNKNOWN:
    case DPO_N_REQUEST_STATUSES:
    default:
      return tr (c, "in progress", "en cours");
    }
}

/* "If you renew..." for a refused erasure; NULL when no rule applies. */
static char *
erasure_earliest (const Composer *c)
{
  g_autofree char *date = NULL;

  if (dpo_request_get_kind (c->in->request) != DPO_REQUEST_ERASURE || !c->in->erasure_blocked)
    return NULL;
  if (c->in->erasure_earliest == NULL && c->in->erasure_contract != NULL)
    return g_strdup_printf (tr (c, "Your data are needed as long as your contract %s is in "
                                   "force: they can be erased only once it has ended, and the "
                                   "period for which the law requires us to keep them has "
                                   "passed.",
                                "Vos données sont nécessaires tant que votre contrat %s est en "
                                "cours : elles ne pourront être effacées qu’après sa fin, une "
                                "fois écoulée la durée pendant laquelle la loi nous impose de "
                                "les conserver."), c->in->erasure_contract);
  if (c->in->erasure_earliest == NULL)
    return g_strdup (tr (c, "No date can be given yet from which your data could be erased: "
                            "the obligation to keep them has no end date so far.",
                         "Aucune date ne peut encore être donnée à partir de laquelle vos "
                         "données pourraient être effacées : l’obligation de les conserver n’a "
                         "pas encore de terme."));
  date = date_words (c->in->erasure_earliest);
  return g_strdup_printf (tr (c, "Your data can be erased from %s: you may renew your request "
                                 "from that date.",
                              "Vos données pourront être effacées à partir du %s : vous pourrez "
                              "renouveler votre demande à compter de cette date."), date);
}

/* "- Label: value", with French typography's space before the colon. */
static void
add_item (const Composer *c,
          GString        *block,
          const char     *label,
          const char     *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (block, "\n- %s%s %s", label, tr (c, ":", " :"), value);
}

/* Art. 15(1) a to h, from the organisation's processing section. */
static char *
processing_block (const Composer *c)
{
  const DpoOrganisation *o = c->in->organisation;
  GString *block = g_string_new (tr (c, "How we process your data", "Comment nous traitons vos "
                                                                    "données"));

  add_item (c, block, tr (c, "Purposes of the processing", "Finalités du traitement"), o->purposes);
  add_item (c, block, tr (c, "Categories of data concerned", "Catégories de données concernées"),
            tr (c, "identity (name, date of birth), social security number (NIR), member "
                   "number, contact details, contracts and their guarantees, your requests",
                "identité (nom, date de naissance), numéro de sécurité sociale (NIR), numéro "
                "d’adhérent, coordonnées, contrats et garanties, vos demandes"));
  add_item (c, block, tr (c, "Recipients", "Destinataires"), o->recipients);
  add_item (c, block, tr (c, "Retention period", "Durée de conservation"), o->retention);
  add_item (c, block, tr (c, "Your rights", "Vos droits"),
            tr (c, "you may ask us to rectify or erase your data, or to restrict their "
                   "processing, and you may object to it (Articles 16 to 21 of the General Data "
                   "Protection Regulation)",
                "vous pouvez nous demander de rectifier ou d’effacer vos données, ou d’en "
                "limiter le traitement, et vous pouvez vous y opposer (articles 16 à 21 du "
                "règlement général sur la protection des données)"));
  add_item (c, block, tr (c, "Your right to complain", "Votre droit de réclamation"),
            tr (c, "to the CNIL, " CNIL_POSTAL " (www.cnil.fr)",
                "auprès de la CNIL, " CNIL_POSTAL " (www.cnil.fr)"));
  add_item (c, block, tr (c, "Source of the data", "Source des données"), o->source);
  add_item (c, block, tr (c, "Automated decisions", "Décisions automatisées"),
            tr (c, "none: no decision about you is taken by automated means alone, and there "
                   "is no profiling (Article 22)",
                "aucune : aucune décision vous concernant n’est prise sur le seul fondement "
                "d’un traitement automatisé, et il n’y a pas de profilage (article 22)"));
  return g_string_free (block, FALSE);
}

static char *
personal_data_block (const Composer *c)
{
  const DpoSubject *s = c->in->subject;
  GString *block = g_string_new (tr (c, "The data we hold about you",
                                     "Les données que nous détenons sur vous"));
  g_autofree char *birth = NULL;
  g_autofree char *nir = NULL;

  if (s == NULL)
    return g_string_free (block, TRUE);
  birth = s->birth_date != NULL ? date_words (s->birth_date) : NULL;
  nir = dpo_request_letter_format_nir (s->nir);
  add_item (c, block, tr (c, "Last name", "Nom"), s->last_name);
  add_item (c, block, tr (c, "First name", "Prénom"), s->first_name);
  add_item (c, block, tr (c, "Date of birth", "Date de naissance"), birth);
  add_item (c, block, tr (c, "Social security number (NIR)", "Numéro de sécurité sociale (NIR)"), nir);
  add_item (c, block, tr (c, "Member number", "Numéro d’adhérent"), s->member_number);
  add_item (c, block, tr (c, "Email", "Courriel"), s->email);
  add_item (c, block, tr (c, "Postal address", "Adresse postale"), s->postal_address);
  return g_string_free (block, FALSE);
}

static char *
contracts_block (const Composer *c)
{
  const DpoSubject *s = c->in->subject;
  GString *block = g_string_new (tr (c, "Your contracts", "Vos contrats"));

  if (s == NULL || s->contracts == NULL || s->contracts->len == 0)
    {
      g_string_append_printf (block, "\n- %s", tr (c, "none", "aucun"));
      return g_string_free (block, FALSE);
    }
  for (guint i = 0; i < s->contracts->len; i++)
    {
      const DpoContract *contract = g_ptr_array_index (s->contracts, i);
      g_autofree char *start = date_words (contract->start_date);
      g_autofree char *end = contract->end_date != NULL ? date_words (contract->end_date) : NULL;

      g_string_append_printf (block, "\n- %s%s%s, ", contract->number,
                              contract->product != NULL ? ", " : "",
                              contract->product != NULL ? contract->product : "");
      if (end != NULL)
        g_string_append_printf (block, tr (c, "from %s to %s", "du %s au %s"), start, end);
      else
        g_string_append_printf (block, tr (c, "since %s", "depuis le %s"), start);
    }
  return g_string_free (block, FALSE);
}

static char *
requests_block (const Composer *c)
{
  GPtrArray *requests = c->in->requests;
  GString *block = g_string_new (tr (c, "Your requests to us", "Vos demandes"));

  for (guint i = 0; requests != NULL && i < requests->len; i++)
    {
      const DpoRequest *r = g_ptr_array_index (requests, i);
      g_autofree char *received = time_words (r->received_at);

      g_string_append_printf (block, "\n- %s, %s %s, %s %s%s %s", r->id,
                              tr (c, "request", "demande"), request_kind_words (c, r),
                              tr (c, "received on", "reçue le"), received, tr (c, ":", " :"),
                              status_words (c, r));
    }
  if (requests == NULL || requests->len == 0)
    g_string_append_printf (block, "\n- %s", tr (c, "none", "aucune"));
  return g_string_free (block, FALSE);
}

static char *
incidents_block (const Composer *c)
{
  GPtrArray *incidents = c->in->incidents;
  GString *block = g_string_new (tr (c, "Data breaches that affected your data",
                                     "Violations de données ayant affecté vos données"));

  for (guint i = 0; incidents != NULL && i < incidents->len; i++)
    {
      const DpoIncident *incident = g_ptr_array_index (incidents, i);
      g_autofree char *aware = time_words (incident->aware_at);

      g_string_append_printf (block, "\n- %s, %s%s%s (%s %s)", incident->id, incident->title,
                              incident->processor != NULL ? ", " : "",
                              incident->processor != NULL ? incident->processor : "",
                              tr (c, "known on", "connue le"), aware);
    }
  if (incidents == NULL || incidents->len == 0)
    g_string_append_printf (block, "\n- %s", tr (c, "none is recorded", "aucune n’est "
                                                                       "enregistrée"));
  return g_string_free (block, FALSE);
}

static char *
person_name (const DpoRequestLetterInput *in)
{
  if (in->subject != NULL)
    return g_strdup_printf ("%s %s", in->subject->first_name, in->subject->last_name);
  return g_strdup (in->request->requester_name != NULL ? in->request->requester_name : "");
}

static void
fill_values (Composer *c)
{
  const DpoRequestLetterInput *in = c->in;
  const DpoRequest *r = in->request;
  DpoLetterTemplate id = dpo_letter_template_for (in->kind, r);

  set (c, "date", date_words (in->date));
  set (c, "name", person_name (in));
  set (c, "first_name", g_strdup (in->subject != NULL ? in->subject->first_name : NULL));
  set (c, "last_name", g_strdup (in->subject != NULL ? in->subject->last_name : NULL));
  set (c, "request_id", g_strdup (r->id));
  set (c, "request_kind", g_strdup (request_kind_words (c, r)));
  set (c, "received_on", time_words (r->received_at));
  set (c, "due_on", date_words (in->due_on));
  set (c, "extended_due_on", date_words (in->extended_due_on));
  set (c, "extension_reason", g_strdup (r->extension_reason));
  set (c, "answered_on", time_words (r->answered_at));
  set (c, "outcome", g_strdup (r->outcome));
  set (c, "refusal_ground", g_strdup (r->refusal_ground));
  set (c, "erasure_earliest", erasure_earliest (c));
  set (c, "organisation", g_strdup (in->organisation->name));
  set (c, "dpo_name", g_strdup (in->organisation->dpo_name));
  set (c, "cnil_address", g_strdup (CNIL_ADDRESS));
  /* The blocks only the access answer needs are not built for 10,000
   * refusals. */
  if (id == DPO_LETTER_TEMPLATE_ACCESS)
    {
      set (c, "processing", processing_block (c));
      set (c, "personal_data", personal_data_block (c));
      set (c, "contracts", contracts_block (c));
      set (c, "requests", requests_block (c));
      set (c, "incidents", incidents_block (c));
    }
}

static const char *
lookup (const char *name,
        gpointer    user_data)
{
  Composer *c = user_data;

  return g_hash_table_lookup (c->values, name);
}

/* A placeholder that expanded to nothing leaves no empty paragraph. */
static char *
tidy_paragraphs (char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  GString *out = g_string_new (NULL);

  g_free (text);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, paragraphs[i]);
    }
  return g_string_free (out, FALSE);
}

/* The name, then the address, a line each part. */
static char *
recipient_lines (const Composer *c)
{
  g_autofree char *name = person_name (c->in);
  const char *address = c->in->subject != NULL ? c->in->subject->postal_address
                                               : c->in->request->requester_contact;
  g_auto(GStrv) parts = NULL;
  GString *lines = g_string_new (name);

  if (address == NULL)
    return g_string_free (lines, FALSE);
  /* An address typed on one line is cut at its commas; one typed on
   * several lines keeps them ("Bâtiment B, appartement 12"). */
  parts = g_strsplit_set (address, strchr (address, '\n') != NULL ? "\n" : ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_string_append_printf (lines, "\n%s", parts[i]);
  return g_string_free (lines, FALSE);
}

/* "Paris, le 6 février 2024": the town after the postal code of the
 * organisation's address, when there is one. */
static char *
place_date (const Composer *c)
{
  const char *address = c->in->organisation->address;
  g_autofree char *date = date_words (c->in->date);
  g_autofree char *town = NULL;

  for (const char *p = address; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && strspn (p, "0123456789") == 5 && p[5] == ' ' &&
        (p == address || !g_ascii_isdigit (p[-1])))
      {
        town = g_strstrip (g_strdup (p + 6));
        break;
      }
  if (town == NULL || *town == '\0')
    return g_steal_pointer (&date);
  return g_strdup_printf (tr (c, "%s, %s", "%s, le %s"), town, date);
}

static const char *
keep (DpoRequestLetter *self,
      char             *text)
{
  g_ptr_array_add (self->strings, text);
  return text;
}

gboolean
dpo_request_letter_check_organisation (const DpoOrganisation *organisation,
                                       DpoLetterKind          kind,
                                       const DpoRequest      *request,
                                       GError               **error)
{
  const DpoOrganisation *o = organisation;

  if (o->dpo_name == NULL || (o->dpo_email == NULL && o->dpo_phone == NULL && o->dpo_address == NULL))
    {
      g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID,
                           _("Set the DPO’s contact in Preferences first (Organisation: the "
                             "DPO’s name, and an email, telephone or postal address): every "
                             "letter gives it."));
      return FALSE;
    }
  if (dpo_letter_template_for (kind, request) == DPO_LETTER_TEMPLATE_ACCESS &&
      (o->purposes == NULL || o->recipients == NULL || o->retention == NULL || o->source == NULL))
    {
      g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID,
                           _("Fill in the processing section in Preferences first "
                             "(Organisation, Processing: purposes, recipients, retention period "
                             "and source): an access answer must give them (GDPR Art. 15)."));
      return FALSE;
    }
  return TRUE;
}

DpoRequestLetter *
dpo_request_letter_compose (const DpoRequestLetterInput  *input,
                            GError                      **error)
{
  g_autoptr(DpoRequestLetter) self = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  Composer c = { input, g_strcmp0 (input->language, "fr") == 0, values };
  const char *subject = input->template_subject;
  const char *body = input->template_body;
  const DpoOrganisation *o = input->organisation;

  g_return_val_if_fail (input->request != NULL && input->organisation != NULL, NULL);

  if (!dpo_request_letter_check_organisation (o, input->kind, input->request, error))
    return NULL;
  if (body == NULL)
    dpo_letter_template_default (dpo_letter_template_for (input->kind, input->request),
                                 input->language, &subject, &body);
  else if (!dpo_letter_template_check (subject, body, error))
    return NULL;
  fill_values (&c);

  self = g_new0 (DpoRequestLetter, 1);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->letter.sender_name = keep (self, g_strdup (o->name != NULL ? o->name : ""));
  /* The letterhead and the closing every letter of the program shares. */
  self->letter.sender_lines = keep (self, dpo_letter_sender_lines (o));
  self->letter.recipient_lines = keep (self, recipient_lines (&c));
  self->letter.place_date = keep (self, place_date (&c));
  self->letter.reference = keep (self, g_strdup_printf (tr (&c, "Our reference: %s",
                                                            "Notre référence : %s"),
                                                        input->request->id));
  self->letter.subject = keep (self, dpo_template_expand (subject != NULL ? subject : "",
                                                          lookup, &c));
  self->letter.body = keep (self, tidy_paragraphs (dpo_template_expand (body, lookup, &c)));
  self->letter.signature = keep (self, dpo_letter_signature (o));
  return g_steal_pointer (&self);
}

const DpoLetter *
dpo_request_letter_get (const DpoRequestLetter *self)
{
  return &self->letter;
}

void
dpo_request_letter_free (DpoRequestLetter *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->strings);
  g_free (self);
}

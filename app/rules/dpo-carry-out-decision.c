/* dpo-carry-out-decision.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-carry-out-decision.h"
#include "dpo-error.h"
#include "dpo-time.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
dpo_carry_out_check_input (DpoRequestKind           kind,
                           const DpoCarryOutInput  *input,
                           GError                 **error)
{
  const char *decision = input != NULL ? input->decision : NULL;
  const char *reason = input != NULL ? input->reason : NULL;

  if (decision != NULL && kind != DPO_REQUEST_OBJECTION)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Only an objection takes a decision (upheld or rejected); this request is of "
                     "another kind (%s)."), dpo_enum_label (DPO_ENUM_REQUEST_KIND,
                                                             dpo_enum_word (DPO_ENUM_REQUEST_KIND, kind)));
      return FALSE;
    }
  if (reason != NULL && kind != DPO_REQUEST_OBJECTION && kind != DPO_REQUEST_RESTRICTION)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Only a restriction or an objection takes a reason when carried out; this "
                     "request is of another kind (%s)."),
                   dpo_enum_label (DPO_ENUM_REQUEST_KIND, dpo_enum_word (DPO_ENUM_REQUEST_KIND, kind)));
      return FALSE;
    }
  if (kind == DPO_REQUEST_RESTRICTION && is_blank (reason))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("A restriction needs its reason (for example: the person contests the accuracy "
                     "of their data): it is shown wherever the person appears."));
      return FALSE;
    }
  if (kind != DPO_REQUEST_OBJECTION)
    return TRUE;
  if (dpo_enum_value (DPO_ENUM_OBJECTION_DECISION, decision) < 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("An objection needs the decision: upheld (the processing stops for that purpose) "
                     "or rejected (compelling legitimate grounds)."));
      return FALSE;
    }
  if (is_blank (reason))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("An objection’s decision needs its reason, in words the person can read."));
      return FALSE;
    }
  return TRUE;
}

char *
dpo_restriction_format_date (const char *iso_date)
{
  GDate date;
  char buffer[128];

  if (iso_date == NULL)
    return NULL;
  if (!dpo_date_parse (iso_date, &date, NULL) ||
      g_date_strftime (buffer, sizeof buffer, C_("long date format", "%-d %B %Y"), &date) == 0)
    return g_strdup (iso_date);
  return g_strdup (buffer);
}

char *
dpo_restriction_describe (const char *since,
                          const char *reason)
{
  g_autofree char *day = dpo_restriction_format_date (since);

  g_return_val_if_fail (since != NULL, NULL);

  if (is_blank (reason))
    return g_strdup_printf (_("Processing restricted since %s"), day);
  return g_strdup_printf (_("Processing restricted since %s: %s"), day, reason);
}

char *
dpo_restriction_outcome (const char *since,
                         const char *reason)
{
  g_autofree char *day = dpo_restriction_format_date (since);

  g_return_val_if_fail (since != NULL, NULL);

  return g_strdup_printf (_("Processing of the person’s data is restricted since %s (GDPR Art. 18): "
                            "the data are kept but not otherwise used until the restriction is "
                            "lifted. Reason: %s"), day, reason);
}

char *
dpo_objection_outcome (DpoObjectionDecision  decision,
                       const char           *reason)
{
  g_return_val_if_fail (decision == DPO_OBJECTION_UPHELD || decision == DPO_OBJECTION_REJECTED, NULL);

  if (decision == DPO_OBJECTION_UPHELD)
    return g_strdup_printf (_("Objection upheld: the processing of the person’s data for this "
                              "purpose stops (GDPR Art. 21). Reason: %s"), reason);
  return g_strdup_printf (_("Objection rejected: compelling legitimate grounds for the processing "
                            "override the person’s interests, rights and freedoms (GDPR Art. 21(1)). "
                            "Reason: %s"), reason);
}

/* dpo-contract-editor.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-beneficiary-list.h"
#include "dpo-date-field.h"
#include "dpo-contract-editor.h"
#include "dpo-form.h"
#include "dpo-time.h"
#include "dpo-ui.h"

struct _DpoContractEditor
{
  GtkBox       parent_instance;

  /* Template children */
  AdwEntryRow *number_row;
  AdwEntryRow *product_row;
  AdwEntryRow *start_date_row;
  AdwEntryRow *end_date_row;
  GtkWidget   *beneficiaries;   /* DpoBeneficiaryList */

  DpoStore    *store;
  char        *subject_id;
  DpoContract *contract;    /* a copy; rowid 0 when new */
};

G_DEFINE_FINAL_TYPE (DpoContractEditor, dpo_contract_editor, GTK_TYPE_BOX)

static char *
row_text (AdwEntryRow *row)
{
  return dpo_form_dup_text (gtk_editable_get_text (GTK_EDITABLE (row)));
}

GtkWidget *
dpo_contract_editor_get_beneficiaries (DpoContractEditor *self)
{
  g_return_val_if_fail (DPO_IS_CONTRACT_EDITOR (self), NULL);

  return self->beneficiaries;
}

gboolean
dpo_contract_editor_save (DpoContractEditor  *self,
                          GError            **error)
{
  g_autoptr(DpoContract) contract = NULL;
  g_autofree char *start_text = row_text (self->start_date_row);
  g_autofree char *end_text = row_text (self->end_date_row);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (DPO_IS_CONTRACT_EDITOR (self), FALSE);

  if (!dpo_editor_parse_date (start_text, _("Start date"), &start, error) ||
      !dpo_editor_parse_date (end_text, _("End date"), &end, error))
    return FALSE;

  contract = dpo_contract_copy (self->contract);
  g_free (contract->number);
  contract->number = row_text (self->number_row);
  g_free (contract->product);
  contract->product = row_text (self->product_row);
  g_free (contract->start_date);
  contract->start_date = g_steal_pointer (&start);
  g_free (contract->end_date);
  contract->end_date = g_steal_pointer (&end);
  g_strfreev (contract->beneficiaries);
  contract->beneficiaries = dpo_beneficiary_list_dup_ids (DPO_BENEFICIARY_LIST (self->beneficiaries));

  if (!dpo_store_save_contract (self->store, self->subject_id, contract, error))
    return FALSE;

  dpo_contract_free (self->contract);
  self->contract = g_steal_pointer (&contract);
  return TRUE;
}

static void
dpo_contract_editor_dispose (GObject *object)
{
  DpoContractEditor *self = DPO_CONTRACT_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->subject_id, g_free);
  g_clear_pointer (&self->contract, dpo_contract_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DPO_TYPE_CONTRACT_EDITOR);

  G_OBJECT_CLASS (dpo_contract_editor_parent_class)->dispose (object);
}

static void
dpo_contract_editor_class_init (DpoContractEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dpo_contract_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_ID_PATH "/ui/dpo-contract-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DpoContractEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, DpoContractEditor, product_row);
  gtk_widget_class_bind_template_child (widget_class, DpoContractEditor, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, DpoContractEditor, end_date_row);
}

static void
dpo_contract_editor_init (DpoContractEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dpo_date_field_setup (GTK_WIDGET (self->start_date_row), _("Start date"), FALSE);
  dpo_date_field_setup (GTK_WIDGET (self->end_date_row), _("End date"), FALSE);
  dpo_editor_label_rows (GTK_WIDGET (self));
}

GtkWidget *
dpo_contract_editor_new (DpoStore          *store,
                         const char        *subject_id,
                         const DpoContract *contract)
{
  DpoContractEditor *self;
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);
  g_return_val_if_fail (subject_id != NULL, NULL);

  self = g_object_new (DPO_TYPE_CONTRACT_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->subject_id = g_strdup (subject_id);
  self->contract = contract != NULL ? dpo_contract_copy (contract) : dpo_contract_new ();

  if (contract == NULL)
    {
      g_autoptr(GDateTime) now = dpo_store_dup_now (store);

      self->contract->start_date = dpo_time_to_local_iso_date (now);
    }

  dpo_editor_set_row_text (self->number_row, self->contract->number);
  dpo_editor_set_row_text (self->product_row, self->contract->product);
  start_date = dpo_date_field_format_iso (self->contract->start_date);
  end_date = dpo_date_field_format_iso (self->contract->end_date);
  dpo_editor_set_row_text (self->start_date_row, start_date);
  dpo_editor_set_row_text (self->end_date_row, end_date);
  self->beneficiaries = dpo_beneficiary_list_new (store, subject_id,
                                                  (const char * const *) self->contract->beneficiaries);
  gtk_box_append (GTK_BOX (self), self->beneficiaries);
  return GTK_WIDGET (self);
}

static gboolean
save_cb (GtkWidget  *form,
         gpointer    user_data,
         GError    **error)
{
  DpoContractEditor *self = DPO_CONTRACT_EDITOR (form);
  gboolean is_new = self->contract->rowid == 0;
  g_autofree char *message = NULL;

  if (!dpo_contract_editor_save (self, error))
    return FALSE;

  message = is_new
    /* Translators: %s is a contract number */
    ? g_strdup_printf (_("Contract %s added"), self->contract->number)
    /* Translators: %s is a contract number */
    : g_strdup_printf (_("Contract %s saved"), self->contract->number);
  dpo_editor_toast (form, message);
  return TRUE;
}

DpoEditorDialog *
dpo_contract_editor_present (GtkWidget         *parent,
                             DpoStore          *store,
                             const char        *subject_id,
                             const DpoContract *contract)
{
  GtkWidget *form = dpo_contract_editor_new (store, subject_id, contract);
  DpoEditorDialog *dialog;

  dialog = dpo_editor_dialog_new (parent,
                                  contract != NULL ? _("Edit Contract") : _("New Contract"),
                                  contract != NULL ? _("Save") : _("Add"),
                                  form, save_cb, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 680);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (DPO_CONTRACT_EDITOR (form)->number_row));
  return dialog;
}

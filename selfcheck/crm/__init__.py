"""selfcheck.crm: practice CRM engine."""

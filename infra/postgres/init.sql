-- docker-compose only: the roles and databases ./crm creates on the local server.
-- Local-development password; override CRM_DB_PASSWORD everywhere in real use.
CREATE ROLE crm_deal LOGIN PASSWORD 'local-dev-db';
CREATE ROLE crm_party LOGIN PASSWORD 'local-dev-db';
CREATE ROLE crm_task LOGIN PASSWORD 'local-dev-db';
CREATE ROLE crm_mail LOGIN PASSWORD 'local-dev-db';
CREATE ROLE crm_analytics LOGIN PASSWORD 'local-dev-db';
CREATE ROLE crm_keycloak LOGIN PASSWORD 'local-dev-db';
CREATE DATABASE crm_deal OWNER crm_deal;
CREATE DATABASE crm_party OWNER crm_party;
CREATE DATABASE crm_task OWNER crm_task;
CREATE DATABASE crm_mail OWNER crm_mail;
CREATE DATABASE crm_analytics OWNER crm_analytics;
CREATE DATABASE crm_keycloak OWNER crm_keycloak;

package ru.lomcrm.mail;

import ru.lomcrm.platform.testing.AxonServiceBasicsContract;
import ru.lomcrm.platform.testing.CrmServiceTest;

@CrmServiceTest(database = "crm_mail")
class MailServiceBasicsTest extends AxonServiceBasicsContract {

    @Override
    protected String apiPath() {
        return "/api/mail";
    }
}

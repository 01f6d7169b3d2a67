package ru.lomcrm.party;

import ru.lomcrm.platform.testing.AxonServiceBasicsContract;
import ru.lomcrm.platform.testing.CrmServiceTest;

@CrmServiceTest(database = "crm_party")
class PartyServiceBasicsTest extends AxonServiceBasicsContract {

    @Override
    protected String apiPath() {
        return "/api/contacts";
    }
}

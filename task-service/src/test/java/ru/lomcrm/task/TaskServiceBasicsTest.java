package ru.lomcrm.task;

import ru.lomcrm.platform.testing.AxonServiceBasicsContract;
import ru.lomcrm.platform.testing.CrmServiceTest;

@CrmServiceTest(database = "crm_task")
class TaskServiceBasicsTest extends AxonServiceBasicsContract {

    @Override
    protected String apiPath() {
        return "/api/tasks";
    }
}
